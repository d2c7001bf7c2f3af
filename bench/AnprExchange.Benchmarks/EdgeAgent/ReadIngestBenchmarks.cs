using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using AnprExchange.Contracts.Records;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Telemetry;
using BenchmarkDotNet.Attributes;

namespace AnprExchange.Benchmarks.EdgeAgent;

/// <summary>
/// Camera TCP ingest, per read: our path as CameraConnectionHandler runs it (the lines written into a real Pipe of
/// 4 KB segments, read back in batches of up to 1 MiB, Kestrel's default MaxRequestBufferSize; SequenceReader
/// framing, the parse straight into spool bytes, validation, reply lines; one spool append and one commit per batch)
/// against the baseline of StreamReader.ReadLine + System.Text.Json deserialisation of the same lines. 10,000 lines
/// (~1.8 MB) per invocation, so two batches. FlushPolicy PerBatch is the product default (one fsync per batch, here
/// per ~5,700 reads; a camera sending slower gets smaller batches and more fsyncs per read); None (page cache only)
/// shows the CPU path without what the disk costs.
/// Run: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- --filter '*ReadIngestBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ReadIngestBenchmarks
{
    private const int Reads = 10_000;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private byte[] _lines = [];
    private const int BatchBytes = 1024 * 1024;
    private readonly Pipe _pipe = new(new PipeOptions(new BlockPool(), pauseWriterThreshold: 0, minimumSegmentSize: BlockPool.BlockSize, useSynchronizationContext: false));
    private string _spoolDirectory = "";
    private ReadSpool _spool = null!;
    private ReadLineProcessor _processor = null!;
    private readonly ArrayBufferWriter<byte> _replies = new(1024 * 1024);

    [Params(SpoolFlushPolicy.PerBatch, SpoolFlushPolicy.None)]
    public SpoolFlushPolicy FlushPolicy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = Lines(Reads);
        _spoolDirectory = Path.Combine(Path.GetTempPath(), "anpr-bench-spool-" + Guid.NewGuid().ToString("N"));
        // Product defaults (64 MiB segments, 1 GiB bound) but for the policy under test.
        _spool = new ReadSpool(new SpoolOptions { Directory = _spoolDirectory, FlushPolicy = FlushPolicy });
        _processor = new ReadLineProcessor(_spool, new IngestOptions(), TimeProvider.System, new ReadIdGenerator("bench"), new NoRejections(), new EdgeAgentMetrics());
    }

    /// <summary>The reads both suites use: 50 cameras, every field, ~183 bytes a line.</summary>
    internal static byte[] Lines(int count)
    {
        var text = new StringBuilder();
        var time = new DateTimeOffset(2026, 12, 4, 10, 15, 30, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $$"""{"readId":"cam-{{i % 50}}:{{i}}","cameraId":"cam-{{i % 50}}","timestamp":"{{time.AddMilliseconds(i * 37):O}}","plate":"{{i % 9 + 1}}-ABC-{{i % 1000:D3}}","country":"BE","confidence":0.93,"lat":51.2,"lon":4.4,"direction":"in"}""");
            text.Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _spool.Dispose();
        Directory.Delete(_spoolDirectory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Reads)]
    public int StreamReaderReadLineAndJsonSerializer()
    {
        using var reader = new StreamReader(new MemoryStream(_lines, writable: false), Encoding.UTF8);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            var read = JsonSerializer.Deserialize<PlateRead>(line, s_json);
            count += read!.Plate.Length;
        }
        return count;
    }

    [Benchmark(OperationsPerInvoke = Reads)]
    public int PipeParseValidateAndSpool()
    {
        var appended = 0;
        for (var offset = 0; offset < _lines.Length; offset += BatchBytes)
        {
            // What the socket delivered; a batch may end inside a line, which then waits for the next one.
            _pipe.Writer.Write(_lines.AsSpan(offset, Math.Min(BatchBytes, _lines.Length - offset)));
            _pipe.Writer.FlushAsync().GetAwaiter().GetResult();
            _pipe.Reader.TryRead(out var result);
            _replies.ResetWrittenCount();
            var consumed = _processor.Process(result.Buffer, isFinal: false, _replies, out var batch);
            _pipe.Reader.AdvanceTo(consumed, result.Buffer.End);
            if (batch > 0)
            {
                _spool.Commit();
            }
            appended += batch;
        }
        _spool.Release(_spool.NextSequence);
        return appended;
    }

    private sealed class NoRejections : IRejectedReadSink
    {
        public void Reject(string source, ReadRejection reason, ReadOnlySpan<byte> raw) => throw new InvalidOperationException(reason.ToWire());
    }
}
