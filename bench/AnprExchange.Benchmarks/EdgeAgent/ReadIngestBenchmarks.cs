using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using AnprExchange.Contracts.Records;
using AnprExchange.EdgeAgent.Forwarding;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Tcp;
using AnprExchange.EdgeAgent.Telemetry;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AnprExchange.Benchmarks.EdgeAgent;

/// <summary>
/// Camera TCP ingest, per read, end to end through the product's connection handler: CameraConnectionHandler runs on
/// a connection whose transport is two Pipes set up as Kestrel's socket transport sets them up (4 KB blocks, input
/// paused at 1 MiB unread, output at 64 KiB). The benchmark thread plays the socket: it writes the lines in 4 KB
/// receives, each flushed, while a task reads the reply lines back; the handler sends a read's <c>ok</c> only after
/// the spool commit that made it durable. An invocation sends 50,000 lines (~9 MB) and ends once the previous
/// invocation's are all answered: a camera streaming without pause. A thread plays the forwarder: it releases every
/// committed read at once (as if Kafka acknowledged it immediately), so spent segments are retired while the camera
/// sends, as in the agent. Measured against the baseline of
/// StreamReader.ReadLine + System.Text.Json deserialisation of the same lines.
/// FlushPolicy PerBatch is the product default (an fsync per group commit); None (page cache only) shows the path
/// without what the disk costs.
/// Run: dotnet run -c Release --project bench/AnprExchange.Benchmarks -- --filter '*ReadIngestBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class ReadIngestBenchmarks
{
    internal const int Reads = 50_000;
    private const int ReceiveBytes = BlockPool.BlockSize;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    private byte[] _lines = [];
    private string _spoolDirectory = "";
    private ReadSpool _spool = null!;
    private Pipe _socketIn = null!;
    private Pipe _socketOut = null!;
    private Task _connection = Task.CompletedTask;
    private Task _replyCounter = Task.CompletedTask;
    private readonly ManualResetEventSlim _caughtUp = new(false);
    private long _sent;
    private long _answered;
    private long _awaited = long.MaxValue;
    private Thread _forwarder = null!;
    private volatile bool _stopping;

    [Params(SpoolFlushPolicy.PerBatch, SpoolFlushPolicy.None)]
    public SpoolFlushPolicy FlushPolicy { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = Lines(Reads);
        _spoolDirectory = Path.Combine(Path.GetTempPath(), "anpr-bench-spool-" + Guid.NewGuid().ToString("N"));
        // Product defaults (64 MiB segments, 1 GiB bound) but for the policy under test.
        _spool = new ReadSpool(new SpoolOptions { Directory = _spoolDirectory, FlushPolicy = FlushPolicy });
        var ingest = new IngestOptions();
        var metrics = new EdgeAgentMetrics();
        var handler = new CameraConnectionHandler(_spool, Options.Create(ingest), TimeProvider.System, new ReadIdGenerator("bench"),
            new RejectedReadQueue(ingest, TimeProvider.System, metrics), metrics, NullLogger<CameraConnectionHandler>.Instance);
        // Kestrel's socket transport: MaxRequestBufferSize 1 MiB pauses the socket, MaxResponseBufferSize 64 KiB the handler.
        _socketIn = new Pipe(new PipeOptions(new BlockPool(), PipeScheduler.ThreadPool, PipeScheduler.Inline, 1024 * 1024, 512 * 1024, BlockPool.BlockSize, useSynchronizationContext: false));
        _socketOut = new Pipe(new PipeOptions(new BlockPool(), PipeScheduler.Inline, PipeScheduler.ThreadPool, 64 * 1024, 32 * 1024, BlockPool.BlockSize, useSynchronizationContext: false));
        var transport = new DuplexPipe(_socketIn.Reader, _socketOut.Writer);
        _connection = handler.OnConnectedAsync(new DefaultConnectionContext("bench", transport, new DuplexPipe(_socketOut.Reader, _socketIn.Writer)));
        // Every line must be answered ok, or the figures measure something else.
        var replies = new List<byte>();
        Exchange(replies);
        var lines = Encoding.ASCII.GetString(replies.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var oks = lines.Count(line => line.StartsWith("ok ", StringComparison.Ordinal));
        if (oks != Reads || lines.Length != Reads)
        {
            throw new InvalidOperationException($"{oks} ok of {lines.Length} replies for {Reads} reads.");
        }
        _replyCounter = CountRepliesAsync();
        _forwarder = new Thread(ReleaseCommitted) { IsBackground = true, Name = "bench-forwarder" };
        _forwarder.Start();
    }

    /// <summary>
    /// The forwarder's part, on its own thread as in the agent: every committed read counts as acknowledged by Kafka
    /// at once and is released, so spent segments are deleted while the camera keeps sending.
    /// </summary>
    private void ReleaseCommitted()
    {
        while (!_stopping)
        {
            _spool.DataAvailable.WaitHandle.WaitOne(10);
            _spool.DataAvailable.Reset();
            _spool.Release(_spool.CommittedSequence + 1);
        }
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

    /// <summary>Waits for every reply still due (the stream's last ones, which a continuous stream never waits for).</summary>
    public void AwaitAllReplies() => AwaitReplies(_sent);

    [GlobalCleanup]
    public void Cleanup()
    {
        AwaitReplies(_sent);
        _stopping = true;
        _forwarder.Join();
        _socketIn.Writer.Complete();
        _connection.GetAwaiter().GetResult();
        // As Kestrel does once the handler returns: the camera's side then sees the end of the replies.
        _socketOut.Writer.Complete();
        _replyCounter.GetAwaiter().GetResult();
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

    /// <summary>
    /// A camera streaming without pause, as the client SDK does (many reads in flight): the lines are sent as socket
    /// receives, then the previous invocation's replies are awaited, so at most two invocations' reads are unanswered
    /// and the measure is the steady rate, not one burst's start and drain.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Reads)]
    public long CameraConnectionParseSpoolAndReply()
    {
        Send();
        _sent += Reads;
        AwaitReplies(_sent - Reads);
        return _sent;
    }

    private void Send()
    {
        for (var offset = 0; offset < _lines.Length; offset += ReceiveBytes)
        {
            var receive = _lines.AsSpan(offset, Math.Min(ReceiveBytes, _lines.Length - offset));
            receive.CopyTo(_socketIn.Writer.GetSpan(receive.Length));
            _socketIn.Writer.Advance(receive.Length);
            var flush = _socketIn.Writer.FlushAsync();
            if (!flush.IsCompleted)
            {
                flush.AsTask().GetAwaiter().GetResult();
            }
        }
    }

    private void AwaitReplies(long count)
    {
        Volatile.Write(ref _awaited, count);
        while (true)
        {
            _caughtUp.Reset();
            if (Interlocked.Read(ref _answered) >= count)
            {
                return;
            }
            _caughtUp.Wait();
        }
    }

    /// <summary>Counts reply lines as they come (after the set-up's exchange, which checked that all are <c>ok</c>).</summary>
    private async Task CountRepliesAsync()
    {
        while (true)
        {
            var result = await _socketOut.Reader.ReadAsync();
            long lines = 0;
            foreach (var segment in result.Buffer)
            {
                lines += segment.Span.Count((byte)'\n');
            }
            _socketOut.Reader.AdvanceTo(result.Buffer.End);
            if (Interlocked.Add(ref _answered, lines) >= Volatile.Read(ref _awaited))
            {
                _caughtUp.Set();
            }
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    /// <summary>Set-up only: sends every line and collects all the replies.</summary>
    private void Exchange(List<byte> copy)
    {
        var replies = ReadRepliesAsync(copy);
        Send();
        replies.GetAwaiter().GetResult();
        _spool.Release(_spool.CommittedSequence + 1);
    }

    private async Task<int> ReadRepliesAsync(List<byte> copy)
    {
        var replies = 0;
        while (replies < Reads)
        {
            var result = await _socketOut.Reader.ReadAsync();
            foreach (var segment in result.Buffer)
            {
                replies += segment.Span.Count((byte)'\n');
                copy.AddRange(segment.Span);
            }
            _socketOut.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }
        return replies;
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
