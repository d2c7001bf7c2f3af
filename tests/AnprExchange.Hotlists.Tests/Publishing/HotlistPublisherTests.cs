using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Tests.Publishing;

public sealed class HotlistPublisherTests : IDisposable
{
    private readonly HotlistSigningKey _key = HotlistSigningKey.Generate();

    [Fact]
    public void PrepareNumbersTheEntriesAndSignsAManifestOverThem()
    {
        var clock = TestBatches.Clock();

        var batch = TestBatches.Build(_key, version: 7, count: 3, time: clock);

        Assert.Equal([0, 1, 2], batch.Entries.Select(e => e.Sequence));
        Assert.All(batch.Entries, e => Assert.Equal(batch.Manifest.BatchId, e.BatchId));
        Assert.StartsWith("BE.stolen.7.", batch.Manifest.BatchId, StringComparison.Ordinal);
        Assert.Equal((7L, 3, _key.KeyId, clock.GetUtcNow()), (batch.Manifest.Version, batch.Manifest.EntryCount, batch.Manifest.SignerKeyId, batch.Manifest.CreatedAt));
        Assert.Equal(HotlistBatchDigest.Compute(batch.Entries), batch.Manifest.EntriesSha256);
        using var trust = TestBatches.Trusting("BE", _key);
        Assert.True(new HotlistBatchVerifier(trust).Verify(batch.Manifest, batch.Entries, 6).IsAccepted);
    }

    [Fact]
    public async Task PublishSendsEveryEntryFlushesThenSendsTheManifestLast()
    {
        var batch = TestBatches.Build(_key, version: 1, count: 3);
        var sink = new RecordingSink();

        await HotlistPublisher.PublishAsync(batch, sink, TestContext.Current.CancellationToken);

        Assert.Equal(["entry stolen/e0", "entry stolen/e1", "entry stolen/e2", "flush", "manifest stolen#manifest", "flush"], sink.Calls);
    }

    [Fact]
    public void AFullPushWithADeleteIsRefused()
    {
        var request = new HotlistPushRequest
        {
            Country = "BE",
            List = "stolen",
            Mode = HotlistPushMode.Full,
            Version = 1,
            Entries = [TestBatches.Entry("e1", op: HotlistEntryOperation.Delete)],
        };

        Assert.Throws<ArgumentException>(() => new HotlistPublisher(TimeProvider.System).Prepare(request, _key));
    }

    [Fact]
    public void AnEntryOfAnotherListIsRefused()
    {
        var request = new HotlistPushRequest
        {
            Country = "BE",
            List = "stolen",
            Mode = HotlistPushMode.Full,
            Version = 1,
            Entries = [TestBatches.Entry("e1", list: "wanted")],
        };

        Assert.Throws<ArgumentException>(() => new HotlistPublisher(TimeProvider.System).Prepare(request, _key));
    }

    [Fact]
    public void VersionsFromTheClockGrowWithTime()
    {
        var clock = TestBatches.Clock();
        var first = HotlistVersions.FromClock(clock);
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(HotlistVersions.FromClock(clock) > first);
    }

    private sealed class RecordingSink : IHotlistRecordSink
    {
        public List<string> Calls { get; } = [];

        public ValueTask SendEntryAsync(string key, HotlistEntryRecord entry, CancellationToken cancellationToken)
        {
            Calls.Add($"entry {key}");
            return ValueTask.CompletedTask;
        }

        public ValueTask SendManifestAsync(string key, HotlistBatchManifest manifest, CancellationToken cancellationToken)
        {
            Calls.Add($"manifest {key}");
            return ValueTask.CompletedTask;
        }

        public ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            Calls.Add("flush");
            return ValueTask.CompletedTask;
        }
    }

    public void Dispose() => _key.Dispose();
}
