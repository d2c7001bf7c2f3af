using System.CommandLine;
using AnprExchange.Cli.Hotlists;
using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Csv;
using AnprExchange.Hotlists.Reading;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr hotlist export`: the entries in force for one list, from verified batches on the topic, as hotlist CSV.</summary>
public static class HotlistExportVerb
{
    public static Command Create()
    {
        var country = HotlistCliOptions.Country();
        var list = HotlistCliOptions.List();
        var bootstrap = HotlistCliOptions.BootstrapServers();
        var settings = HotlistCliOptions.KafkaSettings();
        var trusted = HotlistCliOptions.TrustedKeys(required: true);
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write (replaced if it exists).", Required = true };
        var command = new Command("export", "Write the entries in force for a list, as verified from the hotlist topic, to a CSV file that push and validate accept.")
        {
            country, list, bootstrap, settings, trusted, output,
        };
        command.SetAction((result, ct) =>
        {
            var (stdout, stderr) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var (cc, name, path) = (result.GetValue(country)!, result.GetValue(list)!, result.GetValue(output)!);
            if (!HotlistTrust.TryLoad(result.GetValue(trusted), "export", stderr, out var trust))
            {
                return Task.FromResult(2);
            }
            using (trust)
            {
                var contents = new HotlistContents();
                HotlistTopicSummary summary;
                try
                {
                    var kafka = HotlistCliOptions.Kafka(result.GetValue(bootstrap)!, result.GetValue(settings));
                    summary = new HotlistTopicReader(kafka, trust, TimeProvider.System).Read([cc], contents.Apply, ct);
                }
                catch (Exception e) when (e is TimeoutException or Confluent.Kafka.KafkaException)
                {
                    stderr.WriteLine($"export: {e.Message}");
                    return Task.FromResult(3);
                }
                if (summary.Lists.FirstOrDefault(l => l.Country == cc && l.List == name) is not { } status)
                {
                    stderr.WriteLine($"export: no verified version of {cc}/{name} on {string.Join(", ", summary.MissingTopics.DefaultIfEmpty("the topic"))}; nothing written");
                    return Task.FromResult(1);
                }
                var entries = contents.Entries(cc, name);
                using (var writer = new StreamWriter(path.FullName, append: false, new System.Text.UTF8Encoding(false)))
                {
                    HotlistCsvWriter.Write(writer, entries);
                }
                stdout.WriteLine($"exported {cc}/{name} version {status.Version}: {entries.Count:N0} entries to {path.FullName}");
                return Task.FromResult(0);
            }
        });
        return command;
    }
}
