using System.CommandLine;
using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists;

namespace AnprExchange.Cli.Hotlists;

/// <summary>Options shared by the `anpr hotlist` subcommands (validate, push, …), made once here so they read the same everywhere.</summary>
internal static class HotlistCliOptions
{
    public static Option<string> Country() => new("--country")
    {
        Description = "Country that owns the list, ISO 3166 alpha-2 (e.g. BE).",
        Required = true,
        CustomParser = r => r.Tokens[0].Value.ToUpperInvariant(),
        Validators = { r => { if (!HotlistNames.IsCountryCode(r.GetValueOrDefault<string>())) { r.AddError("--country must be an ISO 3166 alpha-2 code such as BE, NL or LU."); } } },
    };

    public static Option<string> List() => new("--list")
    {
        Description = "Name of the list (1-64 of A-Z, a-z, 0-9, '-', '_', '.').",
        Required = true,
        Validators = { r => { if (!HotlistNames.IsListName(r.GetValueOrDefault<string>())) { r.AddError($"--list must be 1-{HotlistNames.MaxListNameLength} of A-Z, a-z, 0-9, '-', '_', '.'."); } } },
    };

    public static Option<FileInfo> File() => new("--file")
    {
        Description = "The hotlist CSV file (UTF-8, header row; see design.md \"Hotlist CSV\").",
        Required = true,
    };

    public static Option<HotlistPushMode> Mode() => new("--mode")
    {
        Description = "full replaces the list; delta adds, updates and deletes (rows with op=delete).",
        DefaultValueFactory = _ => HotlistPushMode.Full,
        CustomParser = r => r.Tokens[0].Value.ToLowerInvariant() switch
        {
            "full" => HotlistPushMode.Full,
            "delta" => HotlistPushMode.Delta,
            var other => Invalid(r, other),
        },
    };

    private static HotlistPushMode Invalid(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"--mode must be full or delta, not '{value}'.");
        return default;
    }
}
