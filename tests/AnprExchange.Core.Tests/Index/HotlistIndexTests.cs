using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using static AnprExchange.Core.Tests.Index.Entries;

namespace AnprExchange.Core.Tests.Index;

public class HotlistIndexTests
{
    private static readonly HotlistId Stolen = new("NL", "stolen");

    [Fact]
    public void AnExactPlateMatchesAsExact()
    {
        var index = HotlistIndex.Build([Entry("e1", "1-ABC-123")]);
        Assert.Equal([("e1", MatchKind.Exact)], index.Match("1abc123"));
        Assert.Empty(index.Match("1ABC124"));
    }

    [Fact]
    public void OneOcrSubstitutionMatchesAsOcrEquivalentByDefault()
    {
        var index = HotlistIndex.Build([Entry("e1", "1ABC123")]);
        Assert.Equal([("e1", MatchKind.OcrEquivalent)], index.Match("IABC123"));
        Assert.Empty(index.Match("IA8C123"));
    }

    [Fact]
    public void TheListsToleranceDecidesHowManySubstitutionsMatch()
    {
        var index = HotlistIndex.Build([Entry("e1", "1ABC123")]);
        index.SetOcrTolerance(Stolen, 2);
        Assert.Equal([("e1", MatchKind.OcrEquivalent)], index.Match("IA8C123"));
        Assert.Empty(index.Match("IA8CI23"));
        index.SetOcrTolerance(Stolen, 0);
        Assert.Empty(index.Match("IABC123"));
        Assert.Equal([("e1", MatchKind.Exact)], index.Match("1ABC123"));
        Assert.Equal(0, index.GetOcrTolerance(Stolen));
    }

    [Fact]
    public void ToleranceOutsideZeroToTwoIsRefused()
    {
        var index = new HotlistIndex();
        Assert.Throws<ArgumentOutOfRangeException>(() => index.SetOcrTolerance(Stolen, 3));
    }

    [Fact]
    public void SeveralEntriesForOnePlateAllMatchInPriorityOrder()
    {
        var index = HotlistIndex.Build([
            Entry("low", "AB123C", priority: 80),
            Entry("high", "AB123C", list: "wanted", priority: 1),
            Entry("mid", "AB123C", country: "BE", priority: 40),
        ]);
        Assert.Equal(["high", "mid", "low"], index.Match("AB-123-C").Select(m => m.EntryId));
    }

    [Fact]
    public void AnEntryMatchesOnlyInsideItsValidityWindow()
    {
        var from = Noon.AddHours(-1).AddMilliseconds(250);
        var until = Noon.AddHours(1).AddMilliseconds(500);
        var index = HotlistIndex.Build([Entry("e1", "AB1234", from: from, until: until)]);
        Assert.Single(index.Match("AB1234", Noon));
        Assert.Single(index.Match("AB1234", from));
        Assert.Empty(index.Match("AB1234", from.AddTicks(-1)));
        Assert.Empty(index.Match("AB1234", from.AddMilliseconds(-100)));
        Assert.Single(index.Match("AB1234", until.AddTicks(-1)));
        Assert.Empty(index.Match("AB1234", until));
        Assert.Empty(index.Match("AB1234", until.AddMilliseconds(300)));
    }

    [Fact]
    public void AStaleEntryDoesNotMatchAfterExpiry()
    {
        var index = HotlistIndex.Build([Entry("e1", "AB1234", until: Noon.AddDays(-1))]);
        Assert.Empty(index.Match("AB1234", Noon));
    }

    [Theory]
    [InlineData("AB12??", "AB1234", true)]
    [InlineData("AB12??", "AB123", false)]
    [InlineData("AB*", "AB", true)]
    [InlineData("AB*", "AB1234XY", true)]
    [InlineData("*34", "AB1234", true)]
    [InlineData("*12*", "AB1234", true)]
    [InlineData("*12*", "AB3434", false)]
    [InlineData("?B*4", "AB1234", true)]
    [InlineData("?B*4", "AB1235", false)]
    public void WildcardEntriesMatchByPattern(string pattern, string read, bool matches)
    {
        var index = HotlistIndex.Build([Entry("w", pattern)]);
        var result = index.Match(read);
        if (matches)
        {
            Assert.Equal([("w", MatchKind.Wildcard)], result);
        }
        else
        {
            Assert.Empty(result);
        }
    }

    [Fact]
    public void AnUpsertReplacesTheEntryWithTheSameId()
    {
        var index = HotlistIndex.Build([Entry("e1", "AB1234")]);
        index.Upsert(Entry("e1", "XY9876"));
        Assert.Empty(index.Match("AB1234"));
        Assert.Single(index.Match("XY9876"));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void TheSameEntryIdInAnotherListIsAnotherEntry()
    {
        var index = HotlistIndex.Build([Entry("e1", "AB1234"), Entry("e1", "AB1234", country: "BE")]);
        Assert.Equal(2, index.Match("AB1234").Count);
    }

    [Fact]
    public void ADeleteByEntryIdRemovesTheEntry()
    {
        var index = HotlistIndex.Build([Entry("e1", "AB1234"), Entry("e2", "AB1234"), Entry("w", "AB*")]);
        Assert.True(index.Delete(Stolen, "e1"));
        Assert.True(index.Delete(Stolen, "w"));
        Assert.False(index.Delete(Stolen, "e1"));
        Assert.False(index.Delete(new HotlistId("XX", "none"), "e1"));
        Assert.Equal([("e2", MatchKind.Exact)], index.Match("AB1234"));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void AFullPushReplacesTheListAndLeavesOtherListsAlone()
    {
        var index = HotlistIndex.Build([Entry("e1", "AB1234"), Entry("e2", "CD5678"), Entry("b1", "AB1234", country: "BE")]);
        index.ReplaceList(Stolen, [Entry("e2", "CD5678"), Entry("e3", "EF9012")]);
        Assert.Equal(["b1"], index.Match("AB1234").Select(m => m.EntryId));
        Assert.Single(index.Match("CD5678"));
        Assert.Single(index.Match("EF9012"));
        Assert.Equal(3, index.Count);
        Assert.Equal(["e2", "e3"], index.GetEntries(Stolen).Select(e => e.EntryId).Order());
    }

    [Fact]
    public void AnInvalidEntryFailsTheWholeBatchAndChangesNothing()
    {
        var index = HotlistIndex.Build([Entry("e1", "AB1234")]);
        var version = index.Version;
        Assert.Throws<ArgumentException>(() => index.Apply([
            HotlistChange.Delete("NL", "stolen", "e1"),
            HotlistChange.Upsert(Entry("bad", "AB#1")),
        ]));
        Assert.Equal(version, index.Version);
        Assert.Single(index.Match("AB1234"));
    }

    [Fact]
    public void AMatchResolvesToTheWholeEntry()
    {
        var entry = Entry("e1", "1-ABC-123", reference: "PV 2026/123") with { Remarks = "grey Volvo", PlateCountry = "BE", Covert = true };
        var index = HotlistIndex.Build([entry]);
        var view = index.Acquire();
        var matches = new HotlistMatch[4];
        Assert.Equal(1, view.Lookup(Query("1ABC123"), matches));
        Assert.Equal(entry with { Plate = "1ABC123" }, view.GetEntry(matches[0]));
        Assert.Equal("PV 2026/123", view.GetReference(matches[0]));
        Assert.Equal(Stolen, view.GetHotlist(matches[0]));
        Assert.True(matches[0].Covert);
        Assert.Equal(HotlistAction.Stop, matches[0].Action);
        Assert.Equal(HotlistCategory.StolenVehicle, matches[0].Category);
    }

    [Fact]
    public void ALookupWithTooSmallASpanReturnsHowManyMatch()
    {
        var index = HotlistIndex.Build(Enumerable.Range(0, 5).Select(i => Entry($"e{i}", "AB1234", priority: 10 - i)));
        Span<HotlistMatch> two = new HotlistMatch[2];
        Assert.Equal(5, index.Lookup(Query("AB1234"), two));
    }

    [Fact]
    public void ABatchedLookupReportsEachReadsMatches()
    {
        var index = HotlistIndex.Build([Entry("e1", "AB1234"), Entry("e2", "AB1234"), Entry("e3", "XY*")]);
        PlateQuery[] queries = [Query("AB1234"), Query("ZZ999"), Query("XY1"), Query("A81234")];
        var matches = new HotlistMatch[16];
        var counts = new int[queries.Length];
        Assert.Equal(4, index.Acquire().LookupBatch(queries, matches, counts));
        Assert.Equal([2, 0, 1, 2], counts);

        var small = new HotlistMatch[3];
        Assert.Equal(3, index.Acquire().LookupBatch(queries, small, counts));
    }

    [Fact]
    public void CompactionKeepsEveryLiveEntry()
    {
        var index = HotlistIndex.Build(Enumerable.Range(0, 1000).Select(i => Entry($"e{i}", $"AB{i}")));
        for (var i = 0; i < 1000; i += 2)
        {
            index.Delete(Stolen, $"e{i}");
        }
        index.Compact();
        Assert.Equal(500, index.Count);
        Assert.Empty(index.Match("AB10"));
        Assert.Single(index.Match("AB11"));
        index.Upsert(Entry("e11", "CD11"));
        Assert.Empty(index.Match("AB11"));
        Assert.Single(index.Match("CD11"));
    }

    [Fact]
    public void ExpiredEntriesAreDroppedFromMemoryAtCompaction()
    {
        var now = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
        var index = HotlistIndex.Build([
            Entry("gone", "AB1234") with { ValidUntil = now.AddHours(-1) },
            Entry("open", "CD5678"),
            Entry("later", "EF9012") with { ValidUntil = now.AddDays(1) },
        ]);
        Assert.Equal(3, index.Count);
        Assert.Single(index.Match("AB1234", now.AddHours(-2))); // a read from before it expired still matched

        index.Compact(expiredAt: now);

        Assert.Empty(index.Match("AB1234", now.AddHours(-2)));

        Assert.Equal(2, index.Count);
        Assert.Equal(["later", "open"], index.GetEntries().Select(e => e.EntryId).Order().ToArray());
        Assert.Single(index.Match("CD5678"));
        Assert.Single(index.Match("EF9012"));
    }

    [Fact]
    public void MemoryIsReportedByPart()
    {
        var index = HotlistIndex.Build(Enumerable.Range(0, 10_000).Select(i => Entry($"e{i}", $"AB{i}")));
        var memory = index.MeasureMemory();
        Assert.Equal(10_000, memory.Entries);
        Assert.InRange(memory.HotBytesPerEntry, 16, 40);
    }
}
