using System.Collections.Concurrent;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using static AnprExchange.Core.Tests.Index.Entries;

namespace AnprExchange.Core.Tests.Index;

public class HotlistIndexConcurrencyTests
{
    private static readonly HotlistId List = new("NL", "stolen");

    [Fact]
    public async Task ReadersRacingTheWriterAlwaysSeeAWholePublishedGeneration()
    {
        // Plates without OCR-ambiguous characters and tolerance 0: a lookup must return exactly the model's entries.
        string[] plates = [.. Enumerable.Range(0, 40).Select(i => $"AC{i + 300}")];
        var index = new HotlistIndex(shardBits: 3);
        index.SetOcrTolerance(List, 0);
        var models = new ConcurrentDictionary<long, Dictionary<string, string>>();
        models[index.Version] = [];

        var cancellation = TestContext.Current.CancellationToken;
        var writerDone = 0;
        var failures = new ConcurrentQueue<string>();
        long lookups = 0;

        var writer = Task.Run(() =>
        {
            var random = new Random(7);
            var model = new Dictionary<string, string>(); // entry id -> plate
            for (var batch = 0; batch < 2000 && !cancellation.IsCancellationRequested; batch++)
            {
                var changes = new List<HotlistChange>();
                for (var k = random.Next(1, 6); k > 0; k--)
                {
                    var id = $"e{random.Next(60)}";
                    if (random.Next(4) == 0)
                    {
                        changes.Add(HotlistChange.Delete(List.SourceCountry, List.List, id));
                        model.Remove(id);
                    }
                    else
                    {
                        var plate = plates[random.Next(plates.Length)];
                        changes.Add(HotlistChange.Upsert(Entry(id, plate)));
                        model[id] = plate;
                    }
                }
                index.Apply([.. changes]);
                models[index.Version] = new Dictionary<string, string>(model);
                if (batch % 100 == 99)
                {
                    // Compaction replaces every shard and the record store; the collection lets finalizers free the
                    // native memory of generations no reader holds any more, while readers are mid-lookup.
                    index.Compact();
                    models[index.Version] = new Dictionary<string, string>(model);
                    GC.Collect();
                }
            }
            Volatile.Write(ref writerDone, 1);
        }, cancellation);

        var readers = Enumerable.Range(0, 2).Select(r => Task.Run(() =>
        {
            var random = new Random(r);
            var buffer = new HotlistMatch[128];
            while (Volatile.Read(ref writerDone) == 0 && !cancellation.IsCancellationRequested)
            {
                var view = index.Acquire();
                var plate = plates[random.Next(plates.Length)];
                var count = view.Lookup(Query(plate), buffer);
                var actual = buffer.Take(count).Select(m => view.GetEntryId(m)).Order().ToList();
                Dictionary<string, string>? model;
                while (!models.TryGetValue(view.Version, out model))
                {
                    Thread.Yield(); // the writer records the model right after publishing
                }
                var expected = model.Where(e => e.Value == plate).Select(e => e.Key).Order().ToList();
                if (!expected.SequenceEqual(actual))
                {
                    failures.Enqueue($"version {view.Version} plate {plate}: expected [{string.Join(",", expected)}] got [{string.Join(",", actual)}]");
                }
                Interlocked.Increment(ref lookups);
            }
        }, cancellation)).ToArray();

        await Task.WhenAll([writer, .. readers]);
        Assert.Empty(failures);
        Assert.True(lookups > 0);
        Assert.Equal(models[index.Version].Count, index.Count);
    }

    [Fact]
    public async Task AnUpdateIsVisibleToReadersAsSoonAsApplyReturns()
    {
        var index = HotlistIndex.Build([Entry("e1", "AB1234")]);
        var seen = Task.Run(() =>
        {
            while (index.Match("XY9876").Count == 0)
            {
                Thread.Yield();
            }
        }, TestContext.Current.CancellationToken);
        index.Upsert(Entry("e2", "XY9876"));
        Assert.Single(index.Match("XY9876"));
        await seen.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
