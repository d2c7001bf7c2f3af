using System.Text;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.EdgeAgent.Tests.Spool;

/// <summary>Released segment files kept as spares and written over by later segments (ReadSpool.Spares.cs).</summary>
public sealed class ReadSpoolSparesTests : IDisposable
{
    private const long SegmentBytes = 64 * 1024;

    private readonly TempSpoolDirectory _directory = new();

    private static byte[] Payload(long sequence) => Encoding.UTF8.GetBytes($"read-{sequence:D6}-" + new string('p', (int)(sequence % 50)));

    /// <summary>Appends up to <paramref name="last"/> (sequences start at 1, so sequence i holds Payload(i)) and commits.</summary>
    private static void AppendThrough(ReadSpool spool, long last)
    {
        while (spool.NextSequence <= last)
        {
            Assert.Equal(SpoolAppendResult.Appended, spool.TryAppend(Payload(spool.NextSequence), out _));
        }
        spool.Commit();
    }

    private static void AssertRecords(ReadSpool spool, long from, long through)
    {
        var records = SpoolContents.ReadAll(spool);
        Assert.Equal(LongRange(from, through), records.Select(r => r.Sequence));
        Assert.All(records, r => Assert.Equal(Encoding.UTF8.GetString(Payload(r.Sequence)), r.Payload));
    }

    private static IEnumerable<long> LongRange(long from, long through) => Enumerable.Range((int)from, (int)(through - from + 1)).Select(i => (long)i);

    private string[] Files(string pattern) => Directory.GetFiles(_directory.Path, pattern);

    /// <summary>A spool whose first segments were released into spares and whose later segments were written into them.</summary>
    private ReadSpool SpoolWithRecycledSegments(SpoolFlushPolicy policy = SpoolFlushPolicy.None)
    {
        var spool = new ReadSpool(_directory.Options(segmentBytes: SegmentBytes, policy: policy));
        AppendThrough(spool, 10_000);
        spool.Release(8001);
        Assert.Equal(ReadSpool.MaxSpareSegments, spool.SpareCount);
        AppendThrough(spool, 20_000);
        Assert.Equal(0, spool.SpareCount);
        return spool;
    }

    [Fact]
    public void ReleasedSegmentsBecomeSparesUpToTheLimitAndTheRestAreDeleted()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: SegmentBytes));
        AppendThrough(spool, 10_000);
        var segments = Files("*.seg").Length;
        Assert.True(segments > ReadSpool.MaxSpareSegments + 1, $"{segments} segments");
        var boundBefore = spool.BoundedBytes;

        spool.Release(8001);

        Assert.Equal(ReadSpool.MaxSpareSegments, Files("*.spare").Length);
        Assert.Equal(ReadSpool.MaxSpareSegments, spool.SpareCount);
        Assert.Equal(spool.SegmentCount, Files("*.seg").Length);
        Assert.True(spool.SegmentCount < segments);
        // Spares do not count: the bound went down by every released segment.
        Assert.True(spool.BoundedBytes < boundBefore);
        AssertRecords(spool, 8001, 10_000);
    }

    [Fact]
    public void NewSegmentsAreWrittenIntoSparesAndReadBackCorrectly()
    {
        using var spool = SpoolWithRecycledSegments();
        Assert.Empty(Files("*.spare"));
        AssertRecords(spool, 8001, 20_000);
    }

    [Fact]
    public void ASealedRecycledSegmentIsCutToItsOwnRecords()
    {
        using var spool = SpoolWithRecycledSegments();
        // Every sealed file ends with its last record: reading its records to the end of the file finds no old bytes.
        foreach (var path in Files("*.seg").Order().SkipLast(1))
        {
            Assert.Equal(new FileInfo(path).Length, RecordBytes(path));
        }
    }

    /// <summary>Bytes of the records at the start of the file with consecutive sequences from the file's first.</summary>
    private static long RecordBytes(string path)
    {
        var expected = long.Parse(Path.GetFileNameWithoutExtension(path), System.Globalization.CultureInfo.InvariantCulture);
        using var reader = new SegmentReader();
        reader.Open(path);
        var length = new FileInfo(path).Length;
        while (reader.TryRead(length, out var sequence, out _) == SegmentReadStatus.Record && sequence == expected)
        {
            expected++;
        }
        return reader.Position;
    }

    [Fact]
    public void EachRecycledSegmentFileHasItsNewNameSyncedBeforeItsRecordsAreCommitted()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: SegmentBytes, policy: SpoolFlushPolicy.PerBatch));
        AppendThrough(spool, 10_000);
        spool.Release(8001);
        var syncs = spool.DirectorySyncs;
        var segments = spool.SegmentCount;
        AppendThrough(spool, 20_000);
        Assert.Equal(syncs + (spool.SegmentCount - segments), spool.DirectorySyncs);
    }

    [Fact]
    public void AfterARestartRecycledFilesHoldOnlyTheirOwnRecordsAndNothingIsCut()
    {
        var lengths = new Dictionary<string, long>();
        using (var spool = SpoolWithRecycledSegments())
        {
        }
        foreach (var path in Files("*.seg"))
        {
            lengths[path] = new FileInfo(path).Length;
            Assert.Equal(lengths[path], RecordBytes(path));
        }
        using var reopened = new ReadSpool(_directory.Options(segmentBytes: SegmentBytes));
        Assert.Equal(20_001, reopened.NextSequence);
        AssertRecords(reopened, 8001, 20_000);
        foreach (var (path, length) in lengths)
        {
            Assert.Equal(length, new FileInfo(path).Length);
        }
        AppendThrough(reopened, 20_100);
        AssertRecords(reopened, 8001, 20_100);
    }

    [Fact]
    public void AfterACrashARecycledActiveSegmentGivesBackExactlyTheCommittedRecords()
    {
        string crashed;
        long last;
        using (var spool = new ReadSpool(_directory.Options(segmentBytes: SegmentBytes, policy: SpoolFlushPolicy.PerBatch)))
        {
            AppendThrough(spool, 10_000);
            spool.Release(8001);
            // Up to the first roll into a spare, then a few records more: the active file is mostly the old segment's.
            var active = Files("*.seg").Max();
            last = 10_000;
            while (Files("*.seg").Max() == active)
            {
                last += 10;
                AppendThrough(spool, last);
            }
            last += 100;
            AppendThrough(spool, last);
            Assert.Equal(ReadSpool.MaxSpareSegments - 1, spool.SpareCount);
            // The state a kill -9 leaves: the files as they are, without the final commit, cut or checkpoint.
            crashed = Path.Combine(Path.GetTempPath(), "anpr-spool-crash-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(crashed);
            foreach (var file in Directory.GetFiles(_directory.Path))
            {
                File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
            }
        }
        try
        {
            var options = _directory.Options(segmentBytes: SegmentBytes);
            options.Directory = crashed;
            var active = Directory.GetFiles(crashed, "*.seg").Max()!;
            Assert.True(new FileInfo(active).Length > RecordBytes(active));
            var oldest = Directory.GetFiles(crashed, "*.seg").Min(path => long.Parse(Path.GetFileNameWithoutExtension(path), System.Globalization.CultureInfo.InvariantCulture));
            using var recovered = new ReadSpool(options);
            // No checkpoint was written after the release: everything still on disk is resent, nothing more.
            AssertRecords(recovered, oldest, last);
            Assert.Equal(last + 1, recovered.NextSequence);
            // The old segment's bytes were cut as a torn tail.
            Assert.Equal(new FileInfo(active).Length, RecordBytes(active));
            AppendThrough(recovered, last + 10);
            AssertRecords(recovered, oldest, last + 10);
        }
        finally
        {
            Directory.Delete(crashed, recursive: true);
        }
    }

    [Fact]
    public void ADamagedRecordInARecycledSegmentEndsTheLogThere()
    {
        string last;
        using (var spool = SpoolWithRecycledSegments())
        {
            last = Files("*.seg").Max()!;
        }
        // Damage the tenth record of the newest segment, which is a recycled file.
        var offset = SpoolContents.DamagePayload(last, record: 9, payloadByte: 1);
        var first = long.Parse(Path.GetFileNameWithoutExtension(last), System.Globalization.CultureInfo.InvariantCulture);

        using var recovered = new ReadSpool(_directory.Options(segmentBytes: SegmentBytes));
        AssertRecords(recovered, 8001, first + 8);
        // The damaged record and everything after it (new and old) are cut off.
        Assert.Equal(offset, new FileInfo(last).Length);
    }

    [Fact]
    public void ACursorOnASegmentRecycledUnderItGoesOnWithTheNextSegment()
    {
        // Segments four times the cursor's read buffer, so that it reads the recycled file itself, not its old buffer.
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 1024 * 1024));
        AppendThrough(spool, 60_000);
        using var cursor = spool.OpenCursor();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(cursor.TryRead(out _, out _));
        }
        // Its segment is released and written over by newer records while the cursor is still in it.
        spool.Release(45_001);
        Assert.Equal(ReadSpool.MaxSpareSegments, spool.SpareCount);
        AppendThrough(spool, 130_000);
        Assert.Equal(0, spool.SpareCount);

        var sequences = new List<long>();
        while (cursor.TryRead(out var sequence, out var payload))
        {
            Assert.Equal(Encoding.UTF8.GetString(Payload(sequence)), Encoding.UTF8.GetString(payload));
            sequences.Add(sequence);
        }
        // What it reads is in order, ends with the last record, and holds every record still in the spool.
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        Assert.Equal(130_000, sequences[^1]);
        Assert.Equal(130_000 - 45_001 + 1, sequences.Count(s => s >= 45_001));
    }

    [Fact]
    public void SparesLeftByTheLastRunAreUsedAgain()
    {
        using (var spool = new ReadSpool(_directory.Options(segmentBytes: SegmentBytes)))
        {
            AppendThrough(spool, 10_000);
            spool.Release(8001);
        }
        Assert.Equal(ReadSpool.MaxSpareSegments, Files("*.spare").Length);
        using var reopened = new ReadSpool(_directory.Options(segmentBytes: SegmentBytes));
        Assert.Equal(ReadSpool.MaxSpareSegments, reopened.SpareCount);
        AppendThrough(reopened, 20_000);
        Assert.Empty(Files("*.spare"));
        AssertRecords(reopened, 8001, 20_000);
    }

    public void Dispose() => _directory.Dispose();
}
