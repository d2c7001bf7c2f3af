using AnprExchange.Hotlists;

namespace AnprExchange.Cli.Matching;

/// <summary>One <c>--hotlist CC=file.csv</c> argument: the list is named after the file (without extension).</summary>
public sealed record HotlistSource(string SourceCountry, string List, string Path)
{
    public static bool TryParse(string argument, out HotlistSource? source, out string? error)
    {
        source = null;
        var separator = argument.IndexOf('=', StringComparison.Ordinal);
        if (separator < 0)
        {
            error = $"--hotlist '{argument}': expected <CC>=<file.csv>";
            return false;
        }
        var country = argument[..separator];
        var path = argument[(separator + 1)..];
        var list = System.IO.Path.GetFileNameWithoutExtension(path);
        if (!HotlistNames.IsCountryCode(country))
        {
            error = $"--hotlist '{argument}': '{country}' is not an ISO 3166 alpha-2 country code in upper case";
            return false;
        }
        if (!HotlistNames.IsListName(list))
        {
            error = $"--hotlist '{argument}': the file name '{list}' is not a valid list name (1-{HotlistNames.MaxListNameLength} of A-Z, a-z, 0-9, '-', '_', '.')";
            return false;
        }
        source = new HotlistSource(country, list, path);
        error = null;
        return true;
    }
}
