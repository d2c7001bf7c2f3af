using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using CsCheck;
using static AnprExchange.Core.Tests.Index.Entries;

namespace AnprExchange.Core.Tests.Index;

public class HotlistIndexPropertyTests
{
    private static readonly HotlistId[] Lists = [new("NL", "stolen"), new("BE", "wanted"), new("LU", "sis")];

    // A small alphabet full of OCR-equivalent characters, short plates: many collisions, substitutions and patterns.
    private static readonly Gen<string> GenPlate = Gen.Char["0ODQ1I2Z8BAC"].Array[1, 5].Select(c => new string(c));

    private static readonly Gen<string> GenEntryPlate = Gen.Select(GenPlate, Gen.Int[0, 7], Gen.Int[0, 11], (plate, mode, at) =>
    {
        var k = at % plate.Length;
        return mode switch
        {
            4 when plate.Length > 1 => plate[..k] + "?" + plate[(k + 1)..],
            5 => plate[..(k + 1)] + "*",
            6 => "*" + plate[k..],
            7 => plate[..k] + "*" + plate[k..],
            _ => plate,
        };
    });

    private static readonly Gen<DateTimeOffset?> GenBound = Gen.Select(Gen.Int[0, 2], Gen.Int[-5000, 5000],
        (kind, ms) => kind == 0 ? (DateTimeOffset?)null : Noon.AddMilliseconds(ms));

    private static readonly Gen<HotlistEntry> GenEntry = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 15], GenEntryPlate, Gen.Int[0, 100], GenBound, GenBound,
        (list, id, plate, priority, from, until) => Entry($"e{id}", plate, Lists[list].List, Lists[list].SourceCountry, priority, from, until));

    private abstract record Op;
    private sealed record UpsertOp(HotlistEntry[] Entries) : Op;
    private sealed record DeleteOp(int List, string Id) : Op;
    private sealed record ReplaceOp(int List, HotlistEntry[] Entries) : Op;
    private sealed record ToleranceOp(int List, int Tolerance) : Op;

    private static readonly Gen<Op> GenOp = Gen.Frequency(
        (6, GenEntry.Array[1, 6].Select(e => (Op)new UpsertOp(e))),
        (2, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 15], (l, id) => (Op)new DeleteOp(l, $"e{id}"))),
        (1, Gen.Select(Gen.Int[0, 2], GenEntry.Array[0, 8], (l, e) => (Op)new ReplaceOp(l, [.. e.Select(x => x with { SourceCountry = Lists[l].SourceCountry, List = Lists[l].List }).DistinctBy(x => x.EntryId)]))),
        (1, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], (l, t) => (Op)new ToleranceOp(l, t))));

    private static readonly Gen<(string Plate, int Ms)> GenRead = Gen.Select(GenPlate, Gen.Int[-6000, 6000]);

    [Fact]
    public void TheIndexMatchesExactlyWhatTheNaiveMatcherMatches()
    {
        var kindsSeen = new int[3];
        Gen.Select(GenOp.Array[1, 25], GenRead.Array[1, 30]).Sample(scenario =>
        {
            var (ops, reads) = scenario;
            var index = new HotlistIndex(shardBits: 2);
            var model = new ReferenceMatcher();
            foreach (var op in ops)
            {
                Apply(op, index, model);
            }
            Assert.Equal(model.Count, index.Count);
            foreach (var (plate, ms) in reads)
            {
                var at = Noon.AddMilliseconds(ms);
                var expected = model.Match(plate, at).OrderBy(m => (m.List.SourceCountry, m.Id)).ToList();
                var view = index.Acquire();
                var buffer = new HotlistMatch[64];
                var count = view.Lookup(Query(plate, at), buffer);
                var actual = buffer.Take(count).Select(m => (view.GetHotlist(m), view.GetEntryId(m), m.Kind)).OrderBy(m => (m.Item1.SourceCountry, m.Item2)).ToList();
                Assert.Equal(expected, actual);
                foreach (var m in actual)
                {
                    kindsSeen[(int)m.Kind]++;
                }
                var priorities = buffer.Take(count).Select(m => (int)m.Priority).ToList();
                Assert.Equal(priorities.Order(), priorities);
            }
        }, iter: 400, threads: 1);

        // The generators must exercise every kind of match, or the comparison proves little.
        Assert.All(kindsSeen, seen => Assert.True(seen > 50, $"match kinds seen: {string.Join(", ", kindsSeen)}"));
    }

    [Fact]
    public void BatchedLookupsEqualSingleLookups()
    {
        Gen.Select(GenEntry.Array[1, 40], GenRead.Array[1, 40]).Sample(scenario =>
        {
            var (entries, reads) = scenario;
            var index = HotlistIndex.Build(entries.DistinctBy(e => (e.Hotlist, e.EntryId)), shardBits: 3);
            var view = index.Acquire();
            var queries = reads.Select(r => Query(r.Plate, Noon.AddMilliseconds(r.Ms))).ToArray();
            var matches = new HotlistMatch[queries.Length * 64];
            var counts = new int[queries.Length];
            Assert.Equal(queries.Length, view.LookupBatch(queries, matches, counts));
            var offset = 0;
            var single = new HotlistMatch[64];
            for (var i = 0; i < queries.Length; i++)
            {
                var n = view.Lookup(queries[i], single);
                Assert.Equal(n, counts[i]);
                Assert.Equal(single.Take(n).Select(m => view.GetEntryId(m)).Order(), matches.Skip(offset).Take(n).Select(m => view.GetEntryId(m)).Order());
                offset += n;
            }
        }, iter: 200, threads: 1);
    }

    private static void Apply(Op op, HotlistIndex index, ReferenceMatcher model)
    {
        switch (op)
        {
            case UpsertOp u:
                index.Apply([.. u.Entries.Select(HotlistChange.Upsert)]);
                foreach (var e in u.Entries)
                {
                    model.Upsert(e);
                }
                break;
            case DeleteOp d:
                index.Delete(Lists[d.List], d.Id);
                model.Delete(Lists[d.List], d.Id);
                break;
            case ReplaceOp r:
                index.ReplaceList(Lists[r.List], r.Entries);
                model.ReplaceList(Lists[r.List], r.Entries);
                break;
            case ToleranceOp t:
                index.SetOcrTolerance(Lists[t.List], t.Tolerance);
                model.SetTolerance(Lists[t.List], t.Tolerance);
                break;
        }
    }
}
