using System.Text;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.EdgeAgent.Tests.Spool;

public sealed class ReadSpoolTests : IDisposable
{
    private readonly TempSpoolDirectory _directory = new();

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes($"read-{i:D6}-" + new string('p', i % 50));

    private static void Append(ReadSpool spool, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            Assert.Equal(SpoolAppendResult.Appended, spool.TryAppend(Payload(i), out _));
        }
        spool.Commit();
    }

    /// <summary>The state a kill -9 leaves: the files as they are, without Dispose (no final commit or checkpoint).</summary>
    private string CrashCopy()
    {
        var copy = Path.Combine(Path.GetTempPath(), "anpr-spool-crash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(_directory.Path))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    [Fact]
    public void CommittedRecordsAreReadBackInOrderWithTheirSequenceNumbers()
    {
        using var spool = new ReadSpool(_directory.Options());
        Append(spool, 0, 100);
        var records = SpoolContents.ReadAll(spool);
        Assert.Equal(100, records.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(Encoding.UTF8.GetString(Payload(42)), records[42].Payload);
    }

    [Fact]
    public void AppendedRecordsAreInvisibleUntilCommitted()
    {
        using var spool = new ReadSpool(_directory.Options());
        using var cursor = spool.OpenCursor();
        spool.TryAppend(Payload(1), out _);
        Assert.False(cursor.TryRead(out _, out _));
        spool.Commit();
        Assert.True(cursor.TryRead(out var sequence, out _));
        Assert.Equal(1, sequence);
    }

    [Fact]
    public void ACursorFollowsRecordsAcrossSegments()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024));
        Append(spool, 0, 5000);
        Assert.True(spool.SegmentCount > 3);
        var records = SpoolContents.ReadAll(spool);
        Assert.Equal(Enumerable.Range(1, 5000).Select(i => (long)i), records.Select(r => r.Sequence));
    }

    [Fact]
    public void AfterARestartUnreleasedRecordsAreResentInOrder()
    {
        using (var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024)))
        {
            Append(spool, 0, 3000);
            spool.Release(1201);
        }
        using var reopened = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024));
        Assert.Equal(1201, reopened.ReleasedWatermark);
        var records = SpoolContents.ReadAll(reopened);
        Assert.Equal(Enumerable.Range(1201, 1800).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(3001, reopened.NextSequence);
    }

    [Fact]
    public void ReleasingRecordsRetiresWholeSegmentsAndFreesTheDiskBound()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024, maxBytes: 256 * 1024));
        var appended = 0;
        while (spool.TryAppend(Payload(appended), out _) == SpoolAppendResult.Appended)
        {
            appended++;
        }
        spool.Commit();
        Assert.True(spool.TotalBytes <= 256 * 1024);
        var segmentsBefore = Directory.GetFiles(_directory.Path, "*.seg").Length;
        spool.Release(spool.NextSequence);
        Assert.True(Directory.GetFiles(_directory.Path, "*.seg").Length < segmentsBefore);
        Assert.Equal(SpoolAppendResult.Appended, spool.TryAppend(Payload(0), out _));
    }

    [Fact]
    public void ATornTailAfterACrashIsTruncatedAndAppendingContinues()
    {
        string crashed;
        using (var spool = new ReadSpool(_directory.Options()))
        {
            Append(spool, 0, 10);
            crashed = CrashCopy();
        }
        var segment = Directory.GetFiles(crashed, "*.seg").Single();
        var length = new FileInfo(segment).Length;
        using (var stream = new FileStream(segment, FileMode.Open))
        {
            stream.SetLength(length - 5);
        }

        var options = _directory.Options();
        options.Directory = crashed;
        using (var recovered = new ReadSpool(options))
        {
            var records = SpoolContents.ReadAll(recovered);
            Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), records.Select(r => r.Sequence));
            Append(recovered, 100, 1);
            Assert.Equal(10, SpoolContents.ReadAll(recovered)[^1].Sequence);
        }
        using (var again = new ReadSpool(options))
        {
            Assert.Equal(10, SpoolContents.ReadAll(again).Count);
        }
        Directory.Delete(crashed, recursive: true);
    }

    [Fact]
    public void ARecordWithABadChecksumEndsTheLogThere()
    {
        using (var spool = new ReadSpool(_directory.Options()))
        {
            Append(spool, 0, 10);
        }
        var segment = Directory.GetFiles(_directory.Path, "*.seg").Single();
        var offset = SpoolContents.DamagePayload(segment, record: 6, payloadByte: 2);

        using var recovered = new ReadSpool(_directory.Options());
        Assert.Equal(6, SpoolContents.ReadAll(recovered).Count);
        Assert.Equal(offset, new FileInfo(segment).Length);
    }

    [Fact]
    public void GarbageAppendedByATornWriteIsDiscarded()
    {
        using (var spool = new ReadSpool(_directory.Options()))
        {
            Append(spool, 0, 3);
        }
        var segment = Directory.GetFiles(_directory.Path, "*.seg").Single();
        using (var stream = new FileStream(segment, FileMode.Append))
        {
            stream.Write(new byte[] { 40, 0, 0, 0, 1, 2, 3 });
        }
        using var recovered = new ReadSpool(_directory.Options());
        Assert.Equal(3, SpoolContents.ReadAll(recovered).Count);
        Assert.Equal(4, recovered.NextSequence);
    }

    [Fact]
    public void WithoutACheckpointACrashResendsEverythingStillOnDisk()
    {
        string crashed;
        using (var spool = new ReadSpool(_directory.Options()))
        {
            Append(spool, 0, 20);
            spool.Release(11);
            crashed = CrashCopy();
        }
        var options = _directory.Options();
        options.Directory = crashed;
        using (var recovered = new ReadSpool(options))
        {
            Assert.Equal(20, SpoolContents.ReadAll(recovered).Count);
        }
        Directory.Delete(crashed, recursive: true);
    }

    [Fact]
    public void SequenceNumbersNeverGoBackEvenWhenEverySegmentWasReleased()
    {
        using (var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024)))
        {
            Append(spool, 0, 3000);
            spool.Release(3001);
        }
        using var reopened = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024));
        Assert.Equal(3001, reopened.NextSequence);
        Assert.Empty(SpoolContents.ReadAll(reopened));
    }

    [Fact]
    public void AcursorSeekingBackReadsReleasedButStillPresentRecordsAgain()
    {
        using var spool = new ReadSpool(_directory.Options());
        Append(spool, 0, 10);
        using var cursor = spool.OpenCursor();
        while (cursor.TryRead(out _, out _))
        {
        }
        cursor.Seek(4);
        Assert.True(cursor.TryRead(out var sequence, out _));
        Assert.Equal(4, sequence);
    }

    [Fact]
    public void EveryNewSegmentFileHasItsDirectoryEntrySyncedBeforeItsRecordsAreCommitted()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024, policy: SpoolFlushPolicy.PerBatch));
        Assert.Equal(1, spool.DirectorySyncs);
        Append(spool, 0, 3000);
        Assert.True(spool.SegmentCount > 1);
        Assert.Equal(spool.SegmentCount, spool.DirectorySyncs);
    }

    [Fact]
    public void WithoutFsyncTheDirectoryIsNotSyncedEither()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024, policy: SpoolFlushPolicy.None));
        Append(spool, 0, 3000);
        Assert.Equal(0, spool.DirectorySyncs);
    }

    [Fact]
    public void ReopeningAnExistingSegmentDoesNotCountAsCreatingOne()
    {
        using (var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch)))
        {
            Append(spool, 0, 10);
        }
        using var reopened = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        Assert.Equal(0, reopened.DirectorySyncs);
    }

    [Fact]
    public void ReleasedRecordsOfTheActiveSegmentNoLongerCountTowardTheDiskBound()
    {
        // One large segment: releasing never deletes a file here, only the bound's accounting can free room.
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024 * 1024, maxBytes: 256 * 1024));
        var appended = FillUntilFull(spool);
        Assert.Equal(1, spool.SegmentCount);
        spool.Release(spool.NextSequence);
        Assert.Equal(0, spool.BoundedBytes);
        Assert.Equal(appended, FillUntilFull(spool));
        Assert.Equal(1, spool.SegmentCount);
    }

    [Fact]
    public void UnreleasedRecordsOfTheActiveSegmentStillCountTowardTheDiskBound()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024 * 1024, maxBytes: 256 * 1024));
        FillUntilFull(spool);
        var half = spool.ReleasedWatermark + ((spool.NextSequence - spool.ReleasedWatermark) / 2);
        spool.Release(half);
        // Room comes back for the released half, to within one 64 KiB mark, and no more.
        Assert.InRange(spool.BoundedBytes, (spool.TotalBytes / 2) - 1024, (spool.TotalBytes / 2) + (64 * 1024));
        var more = FillUntilFull(spool);
        Assert.InRange(more, 1, (int)(half - 1));
        Assert.Equal(SpoolAppendResult.Full, spool.TryAppend(Payload(0), out _));
    }

    private static int FillUntilFull(ReadSpool spool)
    {
        var appended = 0;
        while (spool.TryAppend(Payload(appended), out _) == SpoolAppendResult.Appended)
        {
            appended++;
        }
        spool.Commit();
        return appended;
    }

    public void Dispose() => _directory.Dispose();
}
