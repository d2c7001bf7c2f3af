using System.Text;
using AnprExchange.Core.Index;
using AnprExchange.Core.Plates;
using static AnprExchange.Core.Tests.Index.Entries;

namespace AnprExchange.Core.Tests.Index;

public class HotlistIndexAllocationTests
{
    [Fact]
    public void LookupsFromUtf8BytesAllocateNothing()
    {
        var index = HotlistIndex.Build([
            .. Enumerable.Range(0, 5000).Select(i => Entry($"e{i}", $"AB{i}", until: Noon.AddDays(i % 3 - 1))),
            Entry("w1", "XY*"),
            Entry("w2", "??1234"),
        ]);
        var reads = Enumerable.Range(0, 256).Select(i => Encoding.UTF8.GetBytes(i % 2 == 0 ? $"ab-{i}" : $"XY-{i}")).ToArray();
        var matches = new HotlistMatch[16];
        var batch = new PlateQuery[reads.Length];
        var batchMatches = new HotlistMatch[reads.Length * 4];
        var counts = new int[reads.Length];

        long total = 0;
        void Run()
        {
            var view = index.Acquire();
            for (var i = 0; i < reads.Length; i++)
            {
                if (PlateQuery.TryCreate(reads[i], Noon, out batch[i]) == PlateStatus.Valid)
                {
                    total += view.Lookup(batch[i], matches);
                }
            }
            total += view.LookupBatch(batch, batchMatches, counts);
        }

        for (var warm = 0; warm < 200; warm++)
        {
            Run();
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 100; round++)
        {
            Run();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(total > 0);
    }
}
