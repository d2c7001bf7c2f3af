using System.CommandLine;
using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists;
using AnprExchange.Kafka;

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

    public static Option<string> BootstrapServers() => new("--bootstrap-servers")
    {
        Description = "Kafka bootstrap servers (host:port,...); default $ANPR_Kafka__BootstrapServers or localhost:9092.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ANPR_Kafka__BootstrapServers") is { Length: > 0 } servers ? servers : "localhost:9092",
    };

    public static Option<string[]> KafkaSettings() => new("--kafka-setting")
    {
        Description = "A librdkafka property as key=value (security.protocol, sasl.*, ssl.*); repeat for several.",
        AllowMultipleArgumentsPerToken = false,
        Validators = { r => { foreach (var kv in r.GetValueOrDefault<string[]>() ?? []) { if (!kv.Contains('=', StringComparison.Ordinal)) { r.AddError($"--kafka-setting '{kv}' is not key=value."); } } } },
    };

    public static Option<DirectoryInfo> TrustedKeys(bool required) => new("--trusted-keys")
    {
        Description = "Folder of trusted public keys, <CC>/<keyid>.public.pem per country (as the matcher's).",
        Required = required,
    };

    public static KafkaOptions Kafka(string bootstrapServers, IEnumerable<string>? settings, int? messageTimeoutMs = null)
    {
        var options = new KafkaOptions { BootstrapServers = bootstrapServers };
        foreach (var kv in settings ?? [])
        {
            var at = kv.IndexOf('=', StringComparison.Ordinal);
            options.Settings[kv[..at].Trim()] = kv[(at + 1)..].Trim();
        }
        if (messageTimeoutMs is { } timeout)
        {
            options.Settings.TryAdd("message.timeout.ms", timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return options;
    }

    private static HotlistPushMode Invalid(System.CommandLine.Parsing.ArgumentResult result, string value)
    {
        result.AddError($"--mode must be full or delta, not '{value}'.");
        return default;
    }
}
