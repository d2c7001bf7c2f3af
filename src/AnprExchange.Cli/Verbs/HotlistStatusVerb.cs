using System.CommandLine;
using AnprExchange.Cli.Hotlists;
using AnprExchange.Hotlists;
using AnprExchange.Hotlists.Reading;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr hotlist status`: reads the hotlist topics end to end as a matcher would and prints what is in force.</summary>
public static class HotlistStatusVerb
{
    public static Command Create()
    {
        var bootstrap = HotlistCliOptions.BootstrapServers();
        var settings = HotlistCliOptions.KafkaSettings();
        var countries = new Option<string>("--countries")
        {
            Description = "Countries whose hotlist topics to read, comma-separated.",
            DefaultValueFactory = _ => "BE,NL,LU",
            Validators = { r => { if (!Split(r.GetValueOrDefault<string>()).All(c => HotlistNames.IsCountryCode(c))) { r.AddError("--countries must be ISO 3166 alpha-2 codes, e.g. BE,NL,LU."); } } },
        };
        var trusted = HotlistCliOptions.TrustedKeys(required: false);
        var command = new Command("status", "Show per country and list the version in force, entry count, last update and signer, and batches not applied with the reason.")
        {
            bootstrap, settings, countries, trusted,
        };
        command.SetAction((result, ct) =>
        {
            var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var folder = result.GetValue(trusted);
            if (!HotlistTrust.TryLoad(folder, "status", stderr, out var trust))
            {
                return Task.FromResult(2);
            }
            using (trust)
            {
                var kafka = HotlistCliOptions.Kafka(result.GetValue(bootstrap)!, result.GetValue(settings));
                try
                {
                    var summary = new HotlistTopicReader(kafka, trust, TimeProvider.System).Read(Split(result.GetValue(countries)), null, ct);
                    HotlistStatusPrinter.Print(summary, verified: folder is not null, stdout);
                    return Task.FromResult(0);
                }
                catch (Exception e) when (e is TimeoutException or Confluent.Kafka.KafkaException)
                {
                    stderr.WriteLine($"status: {e.Message}");
                    return Task.FromResult(3);
                }
            }
        });
        return command;
    }

    private static string[] Split(string? countries) =>
        [.. (countries ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant())];
}
