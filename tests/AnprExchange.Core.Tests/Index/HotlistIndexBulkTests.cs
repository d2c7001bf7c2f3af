using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using static AnprExchange.Core.Tests.Index.Entries;

namespace AnprExchange.Core.Tests.Index;

/// <summary>Batches of 65,536 changes or more take the parallel bulk path; it must give what small batches give.</summary>
public class HotlistIndexBulkTests
{
    private const int BulkSize = 80_000;
    private static readonly HotlistId[] Lists = [new("NL", "stolen"), new("BE", "wanted"), new("LU", "sis")];

    [Fact]
    public void ABulkBatchLeavesTheSameEntriesAndMatchesAsTheSameChangesInSmallBatches()
    {
        var random = new Random(11);
        var before = Changes(random, 5_000);
        var batch = Changes(random, BulkSize);
        var bulk = new HotlistIndex(shardBits: 6);
        var small = new HotlistIndex(shardBits: 6);
        foreach (var index in new[] { bulk, small })
        {
            foreach (var chunk in before.Chunk(1_000))
            {
                index.Apply(chunk);
            }
        }

        bulk.Apply(batch);
        foreach (var chunk in batch.Chunk(1_000))
        {
            small.Apply(chunk);
        }

        Assert.Equal(Describe(small), Describe(bulk));
        Assert.True(bulk.Count > 10_000, $"only {bulk.Count} entries survived: the batch should leave many");
        for (var i = 0; i < 3_000; i++)
        {
            var plate = Plate(random);
            Assert.Equal(small.Match(plate).Order(), bulk.Match(plate).Order());
        }
    }

    [Fact]
    public void AnInvalidEntryAnywhereInABulkBatchThrowsAndChangesNothing()
    {
        var index = HotlistIndex.Build([Entry("kept", "AB123")]);
        var batch = Enumerable.Range(0, BulkSize)
            .Select(i => HotlistChange.Upsert(Entry($"n{i}", $"XY{i:D6}", list: "new-list")))
            .Append(HotlistChange.Upsert(Entry("bad", "!!")))
            .ToArray();

        var error = Assert.Throws<ArgumentException>(() => index.Apply(batch));

        Assert.Contains("bad", error.Message);
        Assert.Equal(1, index.Count);
        Assert.Equal([(new HotlistId("NL", "stolen"), HotlistIndex.DefaultOcrTolerance)], index.GetLists());
        Assert.Equal([("kept", MatchKind.Exact)], index.Match("AB123"));
        Assert.Empty(index.Match("XY000001"));
    }

    [Fact]
    public void ABulkFullPushReplacesTheListAndLeavesTheOthers()
    {
        var index = HotlistIndex.Build([Entry("old", "AB123"), Entry("same", "CD456"), Entry("be", "EF789", country: "BE", list: "wanted")]);

        index.ReplaceList(Lists[0], Enumerable.Range(0, BulkSize).Select(i => Entry(i == 7 ? "same" : $"n{i}", $"XY{i:D6}")));

        Assert.Equal(BulkSize + 1, index.Count);
        Assert.Empty(index.Match("AB123"));
        Assert.Empty(index.Match("CD456"));
        Assert.Equal([("same", MatchKind.Exact)], index.Match("XY000007"));
        Assert.Equal([("be", MatchKind.Exact)], index.Match("EF789"));
        Assert.Equal([("n79999", MatchKind.Exact)], index.Match("XY079999"));
    }

    private static HotlistChange[] Changes(Random random, int count)
    {
        var changes = new HotlistChange[count];
        for (var i = 0; i < count; i++)
        {
            var list = Lists[random.Next(Lists.Length)];
            var id = $"e{random.Next(40_000)}";
            changes[i] = random.Next(10) switch
            {
                0 => HotlistChange.Delete(list.SourceCountry, list.List, id),
                1 => HotlistChange.Upsert(Entry(id, Plate(random)[..3] + "*", list.List, list.SourceCountry, random.Next(101))),
                _ => HotlistChange.Upsert(Entry(id, Plate(random), list.List, list.SourceCountry, random.Next(101),
                    reference: random.Next(2) == 0 ? null : $"ref {i}")),
            };
        }
        return changes;
    }

    // Few characters, OCR-ambiguous ones among them: many shared skeletons and OCR-equivalent matches.
    private static string Plate(Random random) =>
        new([.. Enumerable.Range(0, 6).Select(_ => "0OD1I8BAC"[random.Next(9)])]);

    private static List<string> Describe(HotlistIndex index) =>
        [.. index.GetEntries().Select(e => $"{e.Hotlist}/{e.EntryId}:{e.Plate}:{e.Priority}:{e.Reference}").Order()];
}
