using System.Buffers;
using System.Text;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using CsCheck;

namespace AnprExchange.EdgeAgent.Tests.Ingest;

public sealed class ReadLineProcessorTests : IDisposable
{
    private readonly TempSpoolDirectory _directory = new();

    private static string Frame() =>
        Samples.Line("r1") + "\n" +
        """{"cameraId":"c","plate":"#"}""" + "\r\n" +
        Samples.Line("r3", plate: "2 XYZ 987") + "\n";

    private const string ExpectedReplies = "ok r1\nerr plate_invalid_character\nok r3\n";

    [Fact]
    public async Task EveryPrefixOfAFrameWaitsForTheRestAndThenRepliesInOrder()
    {
        var frame = Encoding.UTF8.GetBytes(Frame());
        for (var split = 0; split <= frame.Length; split++)
        {
            using var directory = new TempSpoolDirectory();
            using var spool = new ReadSpool(directory.Options());
            var processor = Samples.Processor(spool);
            var replies = await Samples.RunThroughPipeAsync(processor, spool, [frame[..split], frame[split..]]);
            Assert.Equal(ExpectedReplies, replies);
            Assert.Equal(2, spool.PendingCount);
        }
    }

    [Fact]
    public void AnIncompleteLineIsNotConsumedAndGetsNoReply()
    {
        using var spool = new ReadSpool(_directory.Options());
        var processor = Samples.Processor(spool);
        var frame = Encoding.UTF8.GetBytes(Samples.Line());
        for (var length = 0; length <= frame.Length; length++)
        {
            var replies = new ArrayBufferWriter<byte>();
            var buffer = new ReadOnlySequence<byte>(frame, 0, length);
            var consumed = processor.Process(buffer, isFinal: false, replies, out var appended);
            Assert.Equal(buffer.Start, consumed);
            Assert.Equal(0, replies.WrittenCount);
            Assert.Equal(0, appended);
        }
    }

    [Fact]
    public void AFrameSplitAcrossManyBufferSegmentsParsesTheSame()
    {
        var frame = Encoding.UTF8.GetBytes(Frame());
        for (var segmentLength = 1; segmentLength <= 64; segmentLength++)
        {
            using var directory = new TempSpoolDirectory();
            using var spool = new ReadSpool(directory.Options());
            var processor = Samples.Processor(spool);
            var replies = new ArrayBufferWriter<byte>();
            var buffer = Segmented(frame, segmentLength);
            var consumed = processor.Process(buffer, isFinal: false, replies, out var appended);
            Assert.Equal(buffer.End, consumed);
            Assert.Equal(2, appended);
            Assert.Equal(ExpectedReplies, Encoding.UTF8.GetString(replies.WrittenSpan));
        }
    }

    [Fact]
    public async Task AnOverlongLineIsRejectedWithoutBufferingItAndTheConnectionStaysUsable()
    {
        using var spool = new ReadSpool(_directory.Options());
        var sink = new CollectingRejectedSink();
        var processor = Samples.Processor(spool, sink, maxLine: 1024);
        var chunks = new List<byte[]>();
        var junk = Encoding.UTF8.GetBytes(new string('x', 1000));
        for (var i = 0; i < 100; i++)
        {
            chunks.Add(junk);
        }
        chunks.Add(Encoding.UTF8.GetBytes("\n" + Samples.Line("after") + "\n"));
        long largest = 0;
        var replies = await Samples.RunThroughPipeAsync(processor, spool, chunks, buffered => largest = Math.Max(largest, buffered));
        Assert.Equal("err line_too_long\nok after\n", replies);
        Assert.True(largest < 3 * 1024, $"the pipe held {largest} bytes of an overlong line");
        var (_, reason, raw) = Assert.Single(sink.Items);
        Assert.Equal(ReadRejection.LineTooLong, reason);
        Assert.True(raw.Length <= 1024);
    }

    [Fact]
    public async Task BlankLinesGetNoReply()
    {
        using var spool = new ReadSpool(_directory.Options());
        var replies = await Samples.RunThroughPipeAsync(Samples.Processor(spool), spool, [Encoding.UTF8.GetBytes("\n \r\n" + Samples.Line("a") + "\n\n")]);
        Assert.Equal("ok a\n", replies);
    }

    [Fact]
    public async Task AFullSpoolRefusesReadsSoCamerasKeepThem()
    {
        using var spool = new ReadSpool(_directory.Options(segmentBytes: 64 * 1024, maxBytes: 128 * 1024));
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(i => Samples.Line($"r{i}") + "\n"));
        var replies = await Samples.RunThroughPipeAsync(Samples.Processor(spool), spool, [Encoding.UTF8.GetBytes(lines)]);
        var words = replies.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2000, words.Length);
        Assert.Contains("err spool_full", words);
        Assert.Equal(spool.PendingCount, words.Count(w => w.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.True(spool.TotalBytes <= 128 * 1024);
    }

    [Fact]
    public void RandomBytesOnlyEverYieldOneTypedReplyPerLine()
    {
        using var spool = new ReadSpool(_directory.Options());
        var alphabet = Gen.OneOf(Gen.Byte, Gen.OneOfConst("{\"cameraId\":\"c\",\"plate\":\"AB1\",\"timestamp\":\"2026-12-04T10:15:30Z\"}\n}[]\",:\\u0 \r\n"u8.ToArray()));
        Gen.Select(alphabet.Array[0, 600], Gen.Int[1, 64]).Sample((bytes, segmentLength) =>
        {
            var processor = Samples.Processor(spool, maxLine: 256);
            var replies = new ArrayBufferWriter<byte>();
            processor.Process(Segmented(bytes, segmentLength), isFinal: true, replies, out _);
            spool.Commit();
            var text = Encoding.UTF8.GetString(replies.WrittenSpan);
            foreach (var reply in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.True(reply.StartsWith("ok ", StringComparison.Ordinal) || reply.StartsWith("err ", StringComparison.Ordinal), reply);
            }
            var lines = Encoding.UTF8.GetString(bytes).Count(c => c == '\n') + 1;
            Assert.True(text.Count(c => c == '\n') <= lines);
        }, iter: 10_000);
    }

    internal static ReadOnlySequence<byte> Segmented(byte[] data, int segmentLength)
    {
        if (data.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }
        Segment? first = null, last = null;
        for (var offset = 0; offset < data.Length; offset += segmentLength)
        {
            var memory = data.AsMemory(offset, Math.Min(segmentLength, data.Length - offset));
            if (first is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last!.Append(memory);
            }
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    public void Dispose() => _directory.Dispose();
}
