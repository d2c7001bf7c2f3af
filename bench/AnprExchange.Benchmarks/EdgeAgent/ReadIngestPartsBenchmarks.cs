using System.Buffers;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using BenchmarkDotNet.Attributes;

namespace AnprExchange.Benchmarks.EdgeAgent;

/// <summary>
/// The parts of ReadIngestBenchmarks' path, per read, to see where its time goes: finding the lines (SequenceReader
/// over 4 KB segments), parsing and validating them into spool records, and appending those records to the spool in
/// batches (CRC, write buffer, write(2); no fsync).
/// Run: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- --filter '*ReadIngestPartsBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReadIngestPartsBenchmarks
{
    private const int Reads = 10_000;

    private byte[] _lines = [];
    private readonly List<(int Start, int Length)> _lineRanges = [];
    private readonly List<byte[]> _payloads = [];
    private ReadOnlySequence<byte> _segmented;
    private readonly byte[] _scratch = new byte[ReadLineParser.ScratchLength(8192)];
    private readonly byte[] _payload = new byte[ReadLineParser.PayloadLength(8192)];
    private ReadParseContext _context;
    private string _spoolDirectory = "";
    private ReadSpool _spool = null!;
    private SpoolBatch _batch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lines = ReadIngestBenchmarks.Lines(Reads);
        for (int start = 0, i = 0; i < _lines.Length; i++)
        {
            if (_lines[i] == (byte)'\n')
            {
                _lineRanges.Add((start, i - start));
                start = i + 1;
            }
        }
        _segmented = BlockSequence.Of(_lines, BlockPool.BlockSize);
        _context = new ReadParseContext(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5), new ReadIdGenerator("bench"));
        foreach (var (start, length) in _lineRanges)
        {
            ReadLineParser.Parse(_lines.AsSpan(start, length), _scratch, _payload, _context, out var payloadLength);
            _payloads.Add(_payload[..payloadLength]);
        }
        _spoolDirectory = Path.Combine(Path.GetTempPath(), "anpr-bench-spool-" + Guid.NewGuid().ToString("N"));
        _spool = new ReadSpool(new SpoolOptions { Directory = _spoolDirectory, FlushPolicy = SpoolFlushPolicy.None });
        _batch = new SpoolBatch(_spool);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _spool.Dispose();
        Directory.Delete(_spoolDirectory, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public long FindLines()
    {
        var reader = new SequenceReader<byte>(_segmented);
        long bytes = 0;
        while (!reader.End)
        {
            var unread = reader.UnreadSpan;
            var newline = unread.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                reader.Advance(newline + 1);
                bytes += newline;
            }
            else if (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                bytes += line.Length;
            }
            else
            {
                break;
            }
        }
        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int ParseAndValidate()
    {
        var total = 0;
        foreach (var (start, length) in _lineRanges)
        {
            ReadLineParser.Parse(_lines.AsSpan(start, length), _scratch, _payload, _context, out var payloadLength);
            total += payloadLength;
        }
        return total;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public long AppendToSpool()
    {
        foreach (var payload in _payloads)
        {
            if (!_batch.HasRoom(payload.Length))
            {
                _spool.Append(_batch);
            }
            payload.CopyTo(_batch.PayloadSpace);
            _batch.TryStage(payload.Length);
        }
        _spool.Append(_batch);
        _spool.Commit();
        _spool.Release(_spool.NextSequence);
        return _spool.NextSequence;
    }

    /// <summary>A buffer cut into fixed-size segments, the way a Pipe holds socket data.</summary>
    private static class BlockSequence
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

            public Segment Append(ReadOnlyMemory<byte> next)
            {
                var segment = new Segment(next, RunningIndex + Memory.Length);
                Next = segment;
                return segment;
            }
        }
    }
}
