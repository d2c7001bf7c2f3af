using System.Diagnostics;
using System.Globalization;
using System.Text;
using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Csv;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using AnprExchange.Kafka;
using AnprExchange.Matcher;
using AnprExchange.Matcher.Indexing;
using AnprExchange.Matcher.Replication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnprExchange.Benchmarks.Hotlists;

/// <summary>
/// Issue 4's figures in one run on the embedded cluster: validate, sign, push and replicate N entries (one full push),
/// then matcher restart-to-ready from the snapshot vs a full replay (same run, same topic).
/// dotnet run -c Release --project bench/AnprExchange.Benchmarks -- hotlist-e2e 1000000
/// </summary>
public static class HotlistEndToEnd
{
    private const string Country = "BE";
    private const string List = "national";

    public static void Run(int count, int partitions = 128)
    {
        var dir = Directory.CreateTempSubdirectory("anpr-hotlist-e2e-").FullName;
        try
        {
            RunIn(dir, count, partitions).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task RunIn(string dir, int count, int partitions)
    {
        var csv = Path.Combine(dir, "list.csv");
        WriteCsv(csv, count);
        Console.WriteLine($"{count:N0} entries, {new FileInfo(csv).Length / 1e6:F0} MB CSV; hotlist topic with {partitions} partitions; {Environment.ProcessorCount} cores");

        var stopwatch = Stopwatch.StartNew();
        var result = HotlistCsvFile.Read(csv, Country, List, new HotlistCsvReadOptions { Mode = HotlistPushMode.Full });
        var validate = stopwatch.Elapsed;
        if (!result.IsValid)
        {
            throw new InvalidOperationException($"generated file invalid: {result.Errors[0]}");
        }

        using var cluster = EmbeddedKafkaCluster.Start();
        new EmbeddedClusterLayout([Country], HotlistPartitions: partitions).CreateTopics(cluster);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        using var key = HotlistSigningKey.Generate("bench");
        var trust = Path.Combine(dir, "trust", Country);
        Directory.CreateDirectory(trust);
        await File.WriteAllTextAsync(Path.Combine(trust, "bench.public.pem"), key.ExportPublicKeyPem());

        stopwatch.Restart();
        var batch = new HotlistPublisher(TimeProvider.System).Prepare(new HotlistPushRequest
        {
            Country = Country,
            List = List,
            Mode = HotlistPushMode.Full,
            Version = 1,
            Entries = result.Entries,
        }, key);
        var prepare = stopwatch.Elapsed;
        stopwatch.Restart();
        using (var sink = new KafkaHotlistRecordSink(kafka, Country))
        {
            await HotlistPublisher.PublishAsync(batch, sink, CancellationToken.None);
        }
        var push = stopwatch.Elapsed;
        batch = null;

        var snapshots = Path.Combine(dir, "snapshots");
        var first = await TimeToReady(cluster.BootstrapServers, Path.Combine(dir, "trust"), snapshots, count);
        var fromSnapshot = await TimeToReady(cluster.BootstrapServers, Path.Combine(dir, "trust"), snapshots, count);
        var replay = await TimeToReady(cluster.BootstrapServers, Path.Combine(dir, "trust"), null, count);

        Console.WriteLine();
        Console.WriteLine("| step | time |");
        Console.WriteLine("|---|---|");
        Row("validate CSV (HotlistCsvReader)", validate);
        Row("prepare: sequence, digest, sign", prepare);
        Row("push: entries + manifest acknowledged", push);
        Row($"replicate into a fresh matcher until ready ({first.Start}, incl. writing the snapshot)", first.Elapsed);
        Row($"matcher restart to ready ({fromSnapshot.Start}, {fromSnapshot.Records:N0} records read)", fromSnapshot.Elapsed);
        Row($"matcher restart to ready ({replay.Start}, {replay.Records:N0} records read)", replay.Elapsed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| restart: full replay / snapshot | {replay.Elapsed.TotalSeconds / fromSnapshot.Elapsed.TotalSeconds:F1}x |"));
    }

    private static async Task<(TimeSpan Elapsed, ReplicationStart Start, long Records)> TimeToReady(string bootstrapServers, string trust, string? snapshots, int count)
    {
        var stopwatch = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Matcher:Country"] = Country,
            ["Matcher:HotlistCountries:0"] = Country,
            ["Matcher:TrustedKeysDirectory"] = trust,
            ["Matcher:SnapshotDirectory"] = snapshots,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAnprMatcher(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var status = host.Services.GetRequiredService<HotlistReplicationStatus>();
        await status.WhenCaughtUp(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(10));
        var elapsed = stopwatch.Elapsed;
        var entries = host.Services.GetRequiredService<MatcherIndex>().Current.Count;
        if (entries != count)
        {
            throw new InvalidOperationException($"matcher ready with {entries:N0} entries, expected {count:N0}");
        }
        var result = (elapsed, status.Start, status.RecordsConsumed);
        await host.StopAsync();
        return result;
    }

    private static void WriteCsv(string path, int count)
    {
        var plates = HotlistData.Plates(count);
        string[] categories = ["stolen_vehicle", "stolen_plate", "wanted_person", "missing_person", "sis_discreet_check"];
        string[] actions = ["observe", "check", "stop", "seize"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("entry_id,plate,category,action,priority,valid_until,reference\n");
        for (var i = 0; i < plates.Length; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"E{i:D8},{plates[i]},{categories[i % categories.Length]},{actions[i % actions.Length]},{i % 101},{(i % 7 == 0 ? "2027-06-30" : "")},REF-{i}\n"));
        }
    }

    private static void Row(string step, TimeSpan elapsed) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {step} | {elapsed.TotalSeconds:F1} s |"));
}
