using System.CommandLine.Parsing;
using System.Globalization;

namespace AnprExchange.Cli.Verbs;

/// <summary>Parses durations as people type them: 30s, 2m, 1h, 500ms, or a TimeSpan (00:00:30).</summary>
public static class DurationParser
{
    public static TimeSpan Parse(string text, ArgumentResult result)
    {
        if (TryParse(text, out var value))
        {
            return value;
        }
        result.AddError($"'{text}' is not a duration; use e.g. 30s, 2m, 1h or 500ms.");
        return default;
    }

    public static bool TryParse(string text, out TimeSpan value)
    {
        text = text.Trim();
        (string Suffix, Func<double, TimeSpan> Make)[] units =
            [("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours)];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0)
            {
                value = make(number);
                return true;
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }
}
