using System.Buffers;

namespace AnprExchange.Benchmarks.EdgeAgent;

/// <summary>A buffer cut into fixed-size segments, the way a Pipe hands socket data to its reader.</summary>
internal static class Segments
{
    public static ReadOnlySequence<byte> Of(byte[] data, int segmentLength)
    {
        Segment? first = null, last = null;
        for (var offset = 0; offset < data.Length; offset += segmentLength)
        {
            var memory = data.AsMemory(offset, Math.Min(segmentLength, data.Length - offset));
            last = last is null ? first = new Segment(memory, 0) : last.Append(memory);
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
}
