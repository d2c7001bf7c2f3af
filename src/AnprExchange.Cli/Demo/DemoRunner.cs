using AnprExchange.Hotlists.Signing;
using AnprExchange.Kafka;
using AnprExchange.Matcher;
using AnprExchange.Matcher.Matching;
using AnprExchange.Matcher.Replication;
using AnprExchange.Matcher.Telemetry;

namespace AnprExchange.Cli.Demo;

/// <summary>
/// The whole pipeline in one process on the embedded cluster: sample hotlists for BE, NL and LU, simulated Belgian
/// cameras, the matcher, and a control room, then a summary of what was planted and what arrived.
/// </summary>
internal sealed class DemoRunner(DemoSettings settings, TextWriter output, TimeProvider time)
{
    private const string HomeCountry = "BE";
    private static readonly string[] Countries = ["BE", "NL", "LU"];

    public async Task<DemoSummary> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var cluster = EmbeddedKafkaCluster.Start(brokers: 3);
        EmbeddedClusterLayout.Benelux.CreateTopics(cluster);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        output.WriteLine($"embedded cluster: {cluster.BootstrapServers}");

        var now = time.GetUtcNow();
        // Each country signs its own pushes; the matcher trusts the three public keys.
        using var trust = new HotlistTrustStore();
        var keys = Countries.ToDictionary(c => c, _ => HotlistSigningKey.Generate());
        foreach (var (country, key) in keys)
        {
            trust.Add(country, key.PublicKey());
        }
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var plantable = new List<PlantablePlate>();
        foreach (var country in Countries)
        {
            var entries = SampleHotlists.Generate(country, country == "LU" ? 1_500 : 4_000, now, settings.Seed);
            DemoHotlistPublisher.Publish(kafka, keys[country], country, "national", entries, time);
            output.WriteLine($"published hotlist {country}/national: {entries.Count:N0} entries");
            foreach (var entry in entries)
            {
                listed.Add(entry.Plate);
                if (entry.ValidUntil > now)
                {
                    plantable.Add(new PlantablePlate(entry.EntryId, entry.Plate, AsCameraShowsIt(entry.Plate, plantable.Count), entry.PlateCountry ?? country));
                }
            }
        }

        using var host = BuildMatcherHost(kafka, trust);
        await host.StartAsync(cancellationToken);
        await host.Services.GetRequiredService<HotlistReplicationStatus>().WhenCaughtUp(cancellationToken).WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        output.WriteLine("matcher ready: hotlists replicated");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var controlRoom = new DemoControlRoom(kafka, HomeCountry, time, output, printFirst: 10);
        var controlRoomTask = Task.Factory.StartNew(() => controlRoom.Run(stop.Token), TaskCreationOptions.LongRunning);
        var cameras = new CameraSimulator(kafka, HomeCountry, plantable, listed, time, settings.Seed);
        var camerasTask = Task.Factory.StartNew(() => cameras.Run(settings.Rate, settings.Duration, stop.Token), TaskCreationOptions.LongRunning);
        var metrics = host.Services.GetRequiredService<MatcherMetrics>();

        output.WriteLine($"cameras: {CameraSimulator.Cameras} simulated, {settings.Rate} reads/s for {settings.Duration.TotalSeconds:N0} s");
        while (!camerasTask.IsCompleted)
        {
            await Task.WhenAny(camerasTask, Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken));
            output.WriteLine($"  t={time.GetElapsedTime(started).TotalSeconds,5:N0}s  reads {cameras.Produced,8:N0}  matched {metrics.ReadCount,8:N0}  hits {metrics.HitCount,6:N0}  alerts {controlRoom.Alerts.Count,6:N0}");
        }
        await camerasTask;

        // Let the last alerts through: wait until every planted read has its alert, or give up after a while.
        var drainStart = time.GetTimestamp();
        while (cameras.Planted.Keys.Any(r => !controlRoom.Deliveries.ContainsKey(AlertBuilder.AlertIdFor(r)))
               && time.GetElapsedTime(drainStart) < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }
        await stop.CancelAsync();
        await controlRoomTask;
        await host.StopAsync(CancellationToken.None);

        var plantedAlertIds = cameras.Planted.Keys.Select(AlertBuilder.AlertIdFor).ToHashSet(StringComparer.Ordinal);
        var latencies = controlRoom.LatenciesMs.ToArray();
        return new DemoSummary(
            ReadsProduced: cameras.Produced,
            CameraTime: settings.Duration,
            ReadsMatched: metrics.ReadCount,
            ReadsHit: metrics.HitCount,
            Planted: plantedAlertIds.Count,
            PlantedDelivered: plantedAlertIds.Count(controlRoom.Deliveries.ContainsKey),
            AlertsDelivered: controlRoom.Alerts.Count,
            Duplicated: controlRoom.Deliveries.Values.Sum(n => n - 1),
            Unexpected: controlRoom.Alerts.Keys.Count(a => !plantedAlertIds.Contains(a)),
            LatencyP50Ms: DemoSummary.Percentile(latencies, 50),
            LatencyP99Ms: DemoSummary.Percentile(latencies, 99),
            Elapsed: time.GetElapsedTime(started));
    }

    private static IHost BuildMatcherHost(KafkaOptions kafka, HotlistTrustStore trust)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            ["Matcher:Country"] = HomeCountry,
            ["Matcher:GroupId"] = "anpr-demo-matcher",
            ["Matcher:DefaultControlRoom"] = "be-national",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(trust);
        builder.Services.AddAnprMatcher(builder.Configuration);
        return builder.Build();
    }

    /// <summary>
    /// Cameras print plates with separators and sometimes in lower case, and OCR confuses look-alike characters
    /// (0/O, 8/B, 5/S…): the matcher must normalise and match within one substitution.
    /// </summary>
    private static string AsCameraShowsIt(string normalized, int n) => (n % 4) switch
    {
        0 => normalized,
        1 => normalized.Length > 3 ? $"{normalized[..2]}-{normalized[2..]}" : normalized,
        2 => normalized.ToLowerInvariant(),
        _ => OcrMisread(normalized),
    };

    private static string OcrMisread(string plate)
    {
        var chars = plate.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            char? lookAlike = chars[i] switch { '0' => 'O', 'O' => '0', '8' => 'B', 'B' => '8', '5' => 'S', 'S' => '5', '1' => 'I', 'I' => '1', '2' => 'Z', 'Z' => '2', _ => null };
            if (lookAlike is { } c)
            {
                chars[i] = c;
                return new string(chars);
            }
        }
        return plate;
    }
}

internal sealed record DemoSettings(TimeSpan Duration, int Rate, int Seed);
