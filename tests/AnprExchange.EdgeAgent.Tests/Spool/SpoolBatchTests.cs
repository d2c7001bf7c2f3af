using System.Text;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.EdgeAgent.Tests.Spool;

public sealed class SpoolBatchTests : IDisposable
{
    private readonly TempSpoolDirectory _directory = new();

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes($"read-{i:D6}-" + new string('p', i % 50));

    private static bool Stage(SpoolBatch batch, int i)
    {
        var payload = Payload(i);
        payload.CopyTo(batch.PayloadSpace);
        return batch.TryStage(payload.Length);
    }

    [Theory]
    [InlineData(SpoolFlushPolicy.PerBatch)]
    [InlineData(SpoolFlushPolicy.PerRecord)]
    [InlineData(SpoolFlushPolicy.None)]
    public void ABatchAppendedAcrossSegmentsReadsBackInOrder(SpoolFlushPolicy policy)
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024, policy: policy));
        var batch = new SpoolBatch(spool);
        for (var i = 0; i < 3000; i++)
        {
            if (!batch.HasRoom(100))
            {
                spool.Append(batch);
            }
            Assert.True(Stage(batch, i));
        }
        spool.Append(batch);
        spool.Commit();
        Assert.True(spool.SegmentCount > 1);
        var records = SpoolContents.ReadAll(spool);
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(0, 3000).Select(i => Encoding.UTF8.GetString(Payload(i))), records.Select(r => r.Payload));
    }

    [Fact]
    public void SingleAppendsStillBufferedGoBeforeTheBatch()
    {
        using var spool = new ReadSpool(_directory.Options());
        Assert.Equal(SpoolAppendResult.Appended, spool.TryAppend(Payload(0), out _));
        var batch = new SpoolBatch(spool);
        Assert.True(Stage(batch, 1));
        spool.Append(batch);
        Assert.Equal(SpoolAppendResult.Appended, spool.TryAppend(Payload(2), out _));
        spool.Commit();
        Assert.Equal([Payload(0), Payload(1), Payload(2)], SpoolContents.ReadAll(spool).Select(r => Encoding.UTF8.GetBytes(r.Payload)));
    }

    [Fact]
    public void StagingStopsAtTheDiskBoundAndTheUnusedReservationIsHandedBack()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024 * 1024, maxBytes: 256 * 1024));
        var batch = new SpoolBatch(spool, capacity: 512 * 1024);
        var staged = 0;
        while (Stage(batch, staged))
        {
            staged++;
        }
        spool.Append(batch);
        Assert.True(spool.BoundedBytes <= 256 * 1024);
        Assert.Equal(SpoolAppendResult.Full, spool.TryAppend(Payload(0), out _));

        // A batch that staged little and was appended leaves no reservation behind: single appends get all the room.
        spool.Release(spool.NextSequence);
        Assert.True(Stage(batch, 0));
        spool.Append(batch);
        var single = 0;
        while (spool.TryAppend(Payload(single), out _) == SpoolAppendResult.Appended)
        {
            single++;
        }
        Assert.InRange(single, staged - 2, staged);
    }

    public void Dispose() => _directory.Dispose();
}
