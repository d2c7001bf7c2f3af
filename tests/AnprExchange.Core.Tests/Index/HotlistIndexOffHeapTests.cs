using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using static AnprExchange.Core.Tests.Index.Entries;

namespace AnprExchange.Core.Tests.Index;

/// <summary>The index lives in native memory freed by finalizers: what a reader holds must outlive the writer's changes.</summary>
public class HotlistIndexOffHeapTests
{
    private static readonly HotlistId List = new("NL", "stolen");

    [Fact]
    public void AViewTakenBeforeCompactionStillLooksUpAndResolvesAfterTheOldMemoryIsCollected()
    {
        // Enough entries for several 1 MiB text chunks and 64 Ki-row record chunks (those are unmapped when freed, so
        // a use after free would fault rather than read stale bytes).
        var index = HotlistIndex.Build(Enumerable.Range(0, 150_000).Select(i => Entry($"e{i}", $"AC{i:D6}", reference: $"ref-{i}")));
        var held = index.Acquire();
        var matches = new HotlistMatch[8];
        Assert.Equal(1, held.Lookup(Query("AC000042"), matches));
        var match = matches[0];

        index.ReplaceList(List, [Entry("other", "XY999")]);
        index.Compact();
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
        }

        Assert.Equal("e42", held.GetEntryId(match));
        Assert.Equal("ref-42", held.GetReference(match));
        Assert.Equal(1, held.Lookup(Query("AC149999"), matches));
        Assert.Equal("e149999", held.GetEntryId(matches[0]));
        Assert.Empty(index.Match("AC000042"));
        Assert.Equal([("other", MatchKind.Exact)], index.Match("XY999"));
        GC.KeepAlive(held);
    }

    [Fact]
    public void CompactionReleasesTheRowsAndTextsOfDeletedEntries()
    {
        var index = HotlistIndex.Build(Enumerable.Range(0, 200_000).Select(i => Entry($"e{i}", $"AC{i:D6}", reference: $"reference {i}")));
        var before = index.MeasureMemory();

        index.ReplaceList(List, Enumerable.Range(0, 1_000).Select(i => Entry($"e{i}", $"AC{i:D6}")));
        index.Compact();
        var after = index.MeasureMemory();

        Assert.Equal(1_000, after.Entries);
        Assert.True(after.OffHeapBytes < before.OffHeapBytes / 4, $"{after.OffHeapBytes:N0} B after vs {before.OffHeapBytes:N0} B before");
        Assert.True(after.RecordBytes < before.RecordBytes && after.TextBytes < before.TextBytes);
    }
}
