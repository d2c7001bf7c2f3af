using System.Collections.Concurrent;
using AnprExchange.Cli.Demo;
using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Hotlists.Signing;
using AnprExchange.IntegrationTests.Clusters;
using AnprExchange.Kafka;
using AnprExchange.Matcher;
using AnprExchange.Matcher.Replication;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnprExchange.IntegrationTests.Pipeline;

/// <summary>Hotlist → matcher → alerts, through a real Kafka protocol: exactly the expected alerts arrive.</summary>
public sealed class PipelineTests
{
    private static readonly Dictionary<string, HotlistSigningKey> Keys = new() { ["BE"] = HotlistSigningKey.Generate(), ["NL"] = HotlistSigningKey.Generate() };

    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestKafkaCluster.Kinds), MemberType = typeof(TestKafkaCluster))]
    public async Task PlantedHitsRaiseExactlyTheExpectedAlerts(string clusterKind)
    {
        var ct = TestContext.Current.CancellationToken;
        var handlesBefore = Confluent.Kafka.Library.HandleCount;
        await using (var cluster = await TestKafkaCluster.StartAsync(clusterKind))
        {
            await cluster.CreateTopicsAsync(EmbeddedClusterLayout.Benelux);
            DemoHotlistPublisher.Publish(cluster.Options, Keys["NL"], "NL", "stolen", [
                Entry("NL", "nl-1", "AB123C", HotlistCategory.StolenVehicle, HotlistAction.Stop, priority: 5),
                Entry("NL", "nl-2", "12ABC3", HotlistCategory.WantedPerson, HotlistAction.Check, priority: 20),
                Entry("NL", "nl-expired", "XY999Z", HotlistCategory.StolenPlate, HotlistAction.Seize, priority: 1, validUntil: Now.AddDays(-1)),
            ], TimeProvider.System);
            DemoHotlistPublisher.Publish(cluster.Options, Keys["BE"], "BE", "national", [
                Entry("BE", "be-1", "1ABC123", HotlistCategory.StolenPlate, HotlistAction.Seize, priority: 1),
                Entry("BE", "be-2", "AB123C", HotlistCategory.MissingPerson, HotlistAction.Observe, priority: 40),
            ], TimeProvider.System);

            using var host = BuildMatcher(cluster.BootstrapServers);
            await host.StartAsync(ct);
            await host.Services.GetRequiredService<HotlistReplicationStatus>().WhenCaughtUp(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);

            ProduceReads(cluster.Options, [
                Read("hit-be", "1-abc-123"),           // Belgian format, lower case
                Read("hit-two-lists", "AB-123-C"),     // on NL and BE lists
                Read("hit-nl", "12 ABC 3"),
                Read("miss-near", "1-ABC-124"),        // one digit off: not OCR-equivalent
                Read("miss-expired", "XY-999-Z"),      // entry expired before the read
                Read("miss-none", "ZZ-000-ZZ"),
                Read("miss-garbage", "#@!"),           // rejected, not matched
            ]);

            var alerts = await ConsumeAlertsAsync(cluster.Options, expected: 3, ct);

            Assert.Equal(["alert-hit-be", "alert-hit-nl", "alert-hit-two-lists"], alerts.Keys.Order().ToArray());
            var both = alerts["alert-hit-two-lists"];
            Assert.Equal(["nl-1", "be-2"], both.Matches.Select(m => m.EntryId).ToArray()); // ordered by priority
            Assert.Equal("AB123C", both.Plate);
            Assert.Equal(MatchKind.Exact, both.Matches[0].MatchKind);
            Assert.Equal("NL", both.Matches[0].SourceCountry);
            Assert.Equal(HotlistAction.Seize, alerts["alert-hit-be"].Matches.Single().Action);

            await host.StopAsync(CancellationToken.None);
        }
        Assert.Equal(handlesBefore, Confluent.Kafka.Library.HandleCount);
    }

    [Fact]
    public async Task AlertsAreRoutedPerControlRoomAndCovertMatchesOnlyReachClearedRooms()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var cluster = await TestKafkaCluster.StartAsync(EmbeddedTestCluster.KindName);
        await cluster.CreateTopicsAsync(EmbeddedClusterLayout.Benelux);
        DemoHotlistPublisher.Publish(cluster.Options, Keys["NL"], "NL", "sis", [
            Entry("NL", "overt", "AB123C", HotlistCategory.StolenVehicle, HotlistAction.Stop, priority: 5),
            Entry("NL", "covert", "12ABC3", HotlistCategory.SisDiscreetCheck, HotlistAction.Observe, priority: 5) with { Covert = true },
        ], TimeProvider.System);
        using var host = BuildMatcher(cluster.BootstrapServers, new Dictionary<string, string?>
        {
            ["AlertRouting:Cameras:cam-1"] = "antwerp",
            ["AlertRouting:Regions:antwerp:0"] = "cr-antwerp",
            ["AlertRouting:Regions:antwerp:1"] = "cr-national",
            ["AlertRouting:CovertRooms:0"] = "cr-national",
        });
        await host.StartAsync(ct);
        await host.Services.GetRequiredService<HotlistReplicationStatus>().WhenCaughtUp(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);

        ProduceReads(cluster.Options, [Read("r-overt", "AB-123-C"), Read("r-covert", "12-ABC-3")]);
        var keyed = await ConsumeKeyedAlertsAsync(cluster.Options, expected: 3, ct);

        Assert.Equal(["cr-antwerp/alert-r-overt", "cr-national/alert-r-covert", "cr-national/alert-r-overt"], keyed.Order().ToArray());
        await host.StopAsync(CancellationToken.None);
    }

    private static async Task<List<string>> ConsumeKeyedAlertsAsync(KafkaOptions kafka, int expected, CancellationToken ct)
    {
        var keyed = new List<string>();
        await Task.Run(() =>
        {
            using var consumer = new ConsumerBuilder<string, byte[]>(kafka.CreateConsumerConfig("test-keyed", "test")).Build();
            consumer.Subscribe(AnprTopics.Alerts("BE"));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            DateTime? settle = null;
            while (DateTime.UtcNow < deadline && (settle is null || DateTime.UtcNow < settle))
            {
                if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
                {
                    var alert = AnprCodecs.Alert.Decode(result.Message.Value);
                    Assert.Equal(result.Message.Key, alert.ControlRoom);
                    keyed.Add($"{alert.ControlRoom}/{alert.AlertId}");
                }
                if (keyed.Count >= expected && settle is null)
                {
                    settle = DateTime.UtcNow.AddSeconds(2);
                }
            }
            consumer.Close();
        }, ct);
        return keyed;
    }

    private static IHost BuildMatcher(string bootstrapServers, Dictionary<string, string?>? extra = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Matcher:Country"] = "BE",
            ["Matcher:GroupId"] = "test-matcher",
        });
        builder.Configuration.AddInMemoryCollection(extra ?? []);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var trust = new HotlistTrustStore();
        foreach (var (country, key) in Keys)
        {
            trust.Add(country, key.PublicKey());
        }
        builder.Services.AddSingleton(trust);
        builder.Services.AddAnprMatcher(builder.Configuration);
        return builder.Build();
    }

    private static async Task<Dictionary<string, Alert>> ConsumeAlertsAsync(KafkaOptions kafka, int expected, CancellationToken ct)
    {
        var alerts = new ConcurrentDictionary<string, Alert>();
        await Task.Run(() =>
        {
            using var consumer = new ConsumerBuilder<Ignore, byte[]>(kafka.CreateConsumerConfig("test-alerts", "test")).Build();
            consumer.Subscribe(AnprTopics.Alerts("BE"));
            var deadline = DateTime.UtcNow.AddSeconds(60);
            // Keep reading a little after the expected count, so an unexpected extra alert would be seen.
            DateTime? settle = null;
            while (DateTime.UtcNow < deadline && (settle is null || DateTime.UtcNow < settle))
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result is not null)
                {
                    var alert = AnprCodecs.Alert.Decode(result.Message.Value);
                    alerts[alert.AlertId] = alert;
                }
                if (alerts.Count >= expected && settle is null)
                {
                    settle = DateTime.UtcNow.AddSeconds(2);
                }
            }
            consumer.Close();
        }, ct);
        return new Dictionary<string, Alert>(alerts);
    }

    private static void ProduceReads(KafkaOptions kafka, IEnumerable<PlateRead> reads)
    {
        using var producer = new ProducerBuilder<string, byte[]>(kafka.CreateProducerConfig("test-cameras")).Build();
        foreach (var read in reads)
        {
            producer.Produce(AnprTopics.Reads("BE"), new Message<string, byte[]> { Key = read.CameraId, Value = AnprCodecs.PlateRead.Encode(read) });
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    private static PlateRead Read(string readId, string plate) => new()
    {
        ReadId = readId,
        CameraId = "cam-1",
        Timestamp = Now,
        Plate = plate,
    };

    private static HotlistEntryRecord Entry(string country, string id, string plate, HotlistCategory category, HotlistAction action, int priority, DateTimeOffset? validUntil = null) => new()
    {
        BatchId = "",
        Sequence = 0,
        Operation = HotlistEntryOperation.Upsert,
        SourceCountry = country,
        List = "l",
        EntryId = id,
        Plate = plate,
        Category = category,
        Action = action,
        Priority = priority,
        ValidFrom = Now.AddDays(-10),
        ValidUntil = validUntil ?? Now.AddDays(10),
    };
}
