using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using AnprExchange.IntegrationTests.Clusters;
using AnprExchange.Kafka;
using static AnprExchange.IntegrationTests.Hotlists.StolenNl;

namespace AnprExchange.IntegrationTests.Hotlists;

/// <summary>Deltas of one list apply in publish order even when a later one completes first (issue 4, ordering fix).</summary>
public sealed class HotlistOrderingTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private readonly HotlistSigningKey _nl = HotlistSigningKey.Generate();
    private readonly HotlistTrustStore _trust = new();

    public HotlistOrderingTests() => _trust.Add("NL", _nl.PublicKey());

    [Theory]
    [MemberData(nameof(TestKafkaCluster.Kinds), MemberType = typeof(TestKafkaCluster))]
    public async Task ALaterDeltaWhoseEntriesArriveFirstWaitsSoNeitherDeltaIsLost(string clusterKind)
    {
        await using var cluster = await TestKafkaCluster.StartAsync(clusterKind);
        await cluster.CreateTopicsAsync(EmbeddedClusterLayout.Benelux);
        var ct = TestContext.Current.CancellationToken;
        using var sink = new KafkaHotlistRecordSink(cluster.Options, "NL");
        await HotlistPublisher.PublishAsync(Prepare(_nl, 1, HotlistPushMode.Full, Upsert("a", "AA11AA"), Upsert("b", "BB11BB")), sink, ct);
        await using var matcher = await MatcherHarness.StartAsync(cluster.BootstrapServers, _trust);
        var v2 = Prepare(_nl, 2, HotlistPushMode.Delta, Delete("a"), Upsert("c", "CC11CC"));
        var v3 = Prepare(_nl, 3, HotlistPushMode.Delta, Upsert("c", "CC22CC"), Upsert("d", "DD11DD"));

        // v2's first entry and its manifest, then all of v3, and only then v2's missing entry (as when v2's entry sits
        // on a partition the matcher reads late): v3 is complete before v2.
        await SendEntry(sink, v2.Entries[0]);
        await SendManifest(sink, v2.Manifest);
        await HotlistPublisher.PublishAsync(v3, sink, ct);
        await matcher.WaitForRecordsAsync(3 + 2 + 3);
        Assert.Equal(1, matcher.Status.BatchesApplied); // v3 complete but waiting for v2
        await SendEntry(sink, v2.Entries[1]);
        await matcher.WaitForRecordsAsync(3 + 2 + 3 + 1);

        Assert.Equal((3L, 0L), (matcher.Status.BatchesApplied, matcher.Status.BatchesRejected));
        Assert.Empty(matcher.Match("AA11AA", Now));      // v2's delete applied
        Assert.Empty(matcher.Match("CC11CC", Now));      // then v3's update of c
        Assert.Equal(["c"], matcher.Match("CC22CC", Now));
        Assert.Equal(["d"], matcher.Match("DD11DD", Now));
        Assert.Equal(["b"], matcher.Match("BB11BB", Now));
    }

    public void Dispose()
    {
        _nl.Dispose();
        _trust.Dispose();
    }

    private static async Task SendEntry(KafkaHotlistRecordSink sink, HotlistEntryRecord entry)
    {
        await sink.SendEntryAsync(HotlistRecordKeys.Entry(entry.List, entry.EntryId), entry, TestContext.Current.CancellationToken);
        await sink.FlushAsync(TestContext.Current.CancellationToken);
    }

    private static async Task SendManifest(KafkaHotlistRecordSink sink, HotlistBatchManifest manifest)
    {
        await sink.SendManifestAsync(HotlistRecordKeys.Manifest(manifest.List), manifest, TestContext.Current.CancellationToken);
        await sink.FlushAsync(TestContext.Current.CancellationToken);
    }
}
