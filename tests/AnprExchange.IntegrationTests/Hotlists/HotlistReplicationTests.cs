using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using AnprExchange.IntegrationTests.Clusters;
using AnprExchange.Kafka;
using AnprExchange.Matcher.Replication;
using static AnprExchange.IntegrationTests.Hotlists.StolenNl;

namespace AnprExchange.IntegrationTests.Hotlists;

/// <summary>Signed, atomic hotlist pushes replicated into a matcher, on a Kafka cluster (issue 4).</summary>
public sealed class HotlistReplicationTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly HotlistSigningKey _nl = HotlistSigningKey.Generate();
    private readonly HotlistSigningKey _stranger = HotlistSigningKey.Generate();
    private readonly HotlistTrustStore _trust = new();
    private readonly string _snapshots = Path.Combine(Path.GetTempPath(), $"anpr-snap-{Guid.NewGuid():N}");

    public HotlistReplicationTests() => _trust.Add("NL", _nl.PublicKey());

    [Theory]
    [MemberData(nameof(TestKafkaCluster.Kinds), MemberType = typeof(TestKafkaCluster))]
    public async Task FullPushReplacesTheListAndDeltaDeletesRemoveEntries(string clusterKind)
    {
        await using var cluster = await StartClusterAsync(clusterKind);
        await PushAsync(cluster, _nl, 1, HotlistPushMode.Full, Upsert("a", "AB123C"), Upsert("b", "12ABC3"), Upsert("c", "XY99ZZ"));
        await using var matcher = await MatcherHarness.StartAsync(cluster.BootstrapServers, _trust);
        Assert.Equal(["a"], matcher.Match("AB-123-C", Now));

        // Full v2 without "a": a no longer matches; b stays, d arrives.
        await PushAsync(cluster, _nl, 2, HotlistPushMode.Full, Upsert("b", "12ABC3"), Upsert("c", "XY99ZZ"), Upsert("d", "ZZ11AA"));
        await matcher.WaitForRecordsAsync(4 + 4);
        Assert.Empty(matcher.Match("AB-123-C", Now));
        Assert.Equal(["b"], matcher.Match("12-ABC-3", Now));
        Assert.Equal(["d"], matcher.Match("ZZ-11-AA", Now));

        // Delta v3 deletes c and updates d to another plate.
        await PushAsync(cluster, _nl, 3, HotlistPushMode.Delta, Delete("c"), Upsert("d", "KK22LL"));
        await matcher.WaitForRecordsAsync(8 + 3);
        Assert.Empty(matcher.Match("XY-99-ZZ", Now));
        Assert.Empty(matcher.Match("ZZ-11-AA", Now));
        Assert.Equal(["d"], matcher.Match("KK-22-LL", Now));
        Assert.Equal(3, matcher.Status.BatchesApplied);
    }

    [Theory]
    [MemberData(nameof(TestKafkaCluster.Kinds), MemberType = typeof(TestKafkaCluster))]
    public async Task TamperedForeignAndReplayedBatchesAreRejectedAndChangeNothing(string clusterKind)
    {
        await using var cluster = await StartClusterAsync(clusterKind);
        var v1 = Prepare(_nl, 1, HotlistPushMode.Full, Upsert("a", "AB123C"));
        await SendAsync(cluster, v1);
        await using var matcher = await MatcherHarness.StartAsync(cluster.BootstrapServers, _trust);
        await SendAsync(cluster, Prepare(_nl, 2, HotlistPushMode.Full, Upsert("b", "12ABC3")));
        await matcher.WaitForRecordsAsync(4);
        Assert.Equal(["b"], matcher.Match("12ABC3", Now));
        var records = matcher.Status.RecordsConsumed;

        // One entry changed after signing: the digest no longer matches.
        var tampered = Prepare(_nl, 3, HotlistPushMode.Full, Upsert("t", "TT11TT"));
        await SendAsync(cluster, tampered with { Entries = [tampered.Entries[0] with { Plate = "TT11TX" }] });
        // Signed by a key nobody trusts for NL.
        await SendAsync(cluster, Prepare(_stranger, 4, HotlistPushMode.Full, Upsert("s", "SS11SS")));
        // The old version 1 sent again, under a new batch id, as a replay would after a restart.
        await SendAsync(cluster, v1 with { Entries = [.. v1.Entries.Select(e => e with { BatchId = "replay" })], Manifest = v1.Manifest with { BatchId = "replay" } });

        await matcher.WaitForRecordsAsync(records + 6);
        Assert.Equal(3, matcher.Status.BatchesRejected);
        Assert.Equal(["b"], matcher.Match("12ABC3", Now));
        Assert.Empty(matcher.Match("TT11TX", Now));
        Assert.Empty(matcher.Match("TT11TT", Now));
        Assert.Empty(matcher.Match("SS11SS", Now));
        Assert.Empty(matcher.Match("AB123C", Now));
    }

    [Theory]
    [MemberData(nameof(TestKafkaCluster.Kinds), MemberType = typeof(TestKafkaCluster))]
    public async Task PushKilledAfterHalfItsEntriesLeavesThePreviousVersionInForce(string clusterKind)
    {
        await using var cluster = await StartClusterAsync(clusterKind);
        await PushAsync(cluster, _nl, 1, HotlistPushMode.Full, Upsert("a", "AB123C"), Upsert("b", "12ABC3"));
        await using var matcher = await MatcherHarness.StartAsync(cluster.BootstrapServers, _trust);

        // Version 2 drops "a" and adds four entries, but the pusher dies after two of them: no manifest.
        var v2 = Prepare(_nl, 2, HotlistPushMode.Full, Upsert("b", "12ABC3"), Upsert("c", "CC11CC"), Upsert("d", "DD11DD"), Upsert("e", "EE11EE"));
        using (var sink = new KafkaHotlistRecordSink(cluster.Options, "NL"))
        {
            foreach (var entry in v2.Entries.Take(2))
            {
                await sink.SendEntryAsync(HotlistRecordKeys.Entry(entry.List, entry.EntryId), entry, TestContext.Current.CancellationToken);
            }
            await sink.FlushAsync(TestContext.Current.CancellationToken);
        }

        await matcher.WaitForRecordsAsync(3 + 2);
        Assert.Equal(["a"], matcher.Match("AB123C", Now));
        Assert.Empty(matcher.Match("CC11CC", Now));
        Assert.Equal(1, matcher.Status.BatchesApplied);
    }

    [Fact]
    public async Task RestartResumesFromTheSnapshotOffsetsAndACorruptSnapshotReplaysEverything()
    {
        await using var cluster = await StartClusterAsync(EmbeddedTestCluster.KindName);
        await PushAsync(cluster, _nl, 1, HotlistPushMode.Full, [.. Enumerable.Range(0, 200).Select(i => Upsert($"e{i}", $"AA{i:D4}"))]);

        IReadOnlyDictionary<Confluent.Kafka.TopicPartition, long> endOffsets;
        await using (var first = await MatcherHarness.StartAsync(cluster.BootstrapServers, _trust, _snapshots))
        {
            Assert.Equal(ReplicationStart.FullReplay, first.Status.Start);
            Assert.Equal(1, first.Status.SnapshotsWritten);
            endOffsets = HighWatermarks(cluster, "NL");
        }

        await using (var second = await MatcherHarness.StartAsync(cluster.BootstrapServers, _trust, _snapshots))
        {
            Assert.Equal(ReplicationStart.FromSnapshot, second.Status.Start);
            // Resumed exactly where the first one had read to, and read nothing again.
            Assert.Equal(endOffsets.Where(o => o.Value > 0).OrderBy(o => o.Key.Partition.Value), second.Status.ResumedFrom.Where(o => o.Key.Topic == AnprTopics.Hotlist("NL")).OrderBy(o => o.Key.Partition.Value));
            Assert.Equal(0, second.Status.RecordsConsumed);
            Assert.Equal(["e7"], second.Match("AA0007", Now));
            Assert.Equal(200, second.Index.Count);
        }

        foreach (var file in Directory.EnumerateFiles(_snapshots, "index-*.snapshot"))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            bytes[bytes.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(file, bytes, TestContext.Current.CancellationToken);
        }
        await using var third = await MatcherHarness.StartAsync(cluster.BootstrapServers, _trust, _snapshots);
        Assert.Equal(ReplicationStart.FullReplayAfterBadSnapshot, third.Status.Start);
        Assert.Equal(201, third.Status.RecordsConsumed);
        Assert.Equal(["e7"], third.Match("AA0007", Now));
    }

    public void Dispose()
    {
        _nl.Dispose();
        _stranger.Dispose();
        _trust.Dispose();
        if (Directory.Exists(_snapshots))
        {
            Directory.Delete(_snapshots, recursive: true);
        }
    }

    private static async Task<TestKafkaCluster> StartClusterAsync(string kind)
    {
        var cluster = await TestKafkaCluster.StartAsync(kind);
        await cluster.CreateTopicsAsync(EmbeddedClusterLayout.Benelux);
        return cluster;
    }

    private static Dictionary<Confluent.Kafka.TopicPartition, long> HighWatermarks(TestKafkaCluster cluster, string country)
    {
        using var consumer = new Confluent.Kafka.ConsumerBuilder<byte[], byte[]>(cluster.Options.CreateConsumerConfig("probe", "probe")).Build();
        return Enumerable.Range(0, EmbeddedClusterLayout.Benelux.HotlistPartitions)
            .Select(p => new Confluent.Kafka.TopicPartition(AnprTopics.Hotlist(country), p))
            .ToDictionary(tp => tp, tp => consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10)).High.Value);
    }

    private static async Task SendAsync(TestKafkaCluster cluster, HotlistBatch batch)
    {
        using var sink = new KafkaHotlistRecordSink(cluster.Options, "NL");
        await HotlistPublisher.PublishAsync(batch, sink, TestContext.Current.CancellationToken);
    }

    private static Task PushAsync(TestKafkaCluster cluster, HotlistSigningKey key, long version, HotlistPushMode mode, params HotlistEntryRecord[] entries) =>
        SendAsync(cluster, Prepare(key, version, mode, entries));
}
