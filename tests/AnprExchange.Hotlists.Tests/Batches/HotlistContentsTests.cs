using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Csv;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Tests.Batches;

public sealed class HotlistContentsTests : IDisposable
{
    private readonly HotlistSigningKey _key = HotlistSigningKey.Generate();
    private readonly HotlistTrustStore _trust;
    private readonly HotlistBatchAssembler _assembler;
    private readonly HotlistContents _contents = new();

    public HotlistContentsTests()
    {
        _trust = TestBatches.Trusting("BE", _key);
        _assembler = new HotlistBatchAssembler(new HotlistBatchVerifier(_trust), TestBatches.Clock());
    }

    [Fact]
    public void AFullPushReplacesTheListAndADeltaUpsertsAndDeletes()
    {
        Push(HotlistPushMode.Full, 1, TestBatches.Entry("a", "AA1"), TestBatches.Entry("b", "BB1"), TestBatches.Entry("c", "CC1"));
        Push(HotlistPushMode.Delta, 2, TestBatches.Entry("b", "BB2"), TestBatches.Entry("d", "DD1"), TestBatches.Entry("a", op: HotlistEntryOperation.Delete));

        Assert.Equal([("b", "BB2"), ("c", "CC1"), ("d", "DD1")], Contents());

        Push(HotlistPushMode.Full, 3, TestBatches.Entry("z", "ZZ1"));

        Assert.Equal([("z", "ZZ1")], Contents());
    }

    [Fact]
    public void ARejectedBatchChangesNothing()
    {
        Push(HotlistPushMode.Full, 2, TestBatches.Entry("a", "AA1"));

        Push(HotlistPushMode.Full, 1, TestBatches.Entry("x", "XX1")); // stale

        Assert.Equal([("a", "AA1")], Contents());
    }

    [Fact]
    public void TheContentsExportToACsvThatValidatesAsAFullPush()
    {
        Push(HotlistPushMode.Full, 1, TestBatches.Entries(50).ToArray());
        var text = new StringWriter();

        HotlistCsvWriter.Write(text, _contents.Entries("BE", "stolen"));
        var reread = HotlistCsvReader.Read(new StringReader(text.ToString()), "BE", "stolen", new HotlistCsvReadOptions { Mode = HotlistPushMode.Full });

        Assert.Empty(reread.Errors);
        Assert.Equal(50, reread.Entries.Count);
    }

    private (string, string)[] Contents() =>
        [.. _contents.Entries("BE", "stolen").Select(e => (e.EntryId, e.Plate)).OrderBy(x => x.EntryId, StringComparer.Ordinal)];

    private void Push(HotlistPushMode mode, long version, params HotlistEntryRecord[] entries)
    {
        var batch = new HotlistPublisher(TestBatches.Clock()).Prepare(new HotlistPushRequest
        {
            Country = "BE",
            List = "stolen",
            Mode = mode,
            Version = version,
            Entries = entries,
        }, _key);
        foreach (var entry in batch.Entries)
        {
            _assembler.AddOne(entry);
        }
        _contents.Apply(_assembler.AddOne(batch.Manifest)!);
    }

    public void Dispose()
    {
        _trust.Dispose();
        _key.Dispose();
    }
}
