using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;

namespace AnprExchange.EdgeAgent.Client;

/// <summary>
/// Sends reads to an edge agent over TCP and completes each <see cref="SendAsync"/> with the agent's answer. The
/// agent replies once per read, in order, only after the read is durably spooled; so the client keeps every read
/// until answered, and after a lost connection it reconnects (with back-off) and resends the unanswered ones in
/// order. A read can thus arrive twice (same readId) but is never lost. Thread-safe.
/// </summary>
public sealed partial class EdgeAgentClient : IAsyncDisposable
{
    private readonly EdgeAgentClientOptions _options;
    private readonly object _gate = new();
    private readonly LinkedList<Pending> _unacknowledged = new();
    private readonly SemaphoreSlim _capacity;
    private readonly SemaphoreSlim _work = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _idPrefix = Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()))[..8];
    private readonly Task _loop;
    private LinkedListNode<Pending>? _nextToSend;
    private long _idCounter;
    private long _reconnects;
    private volatile bool _connected;

    public EdgeAgentClient(EdgeAgentClientOptions options)
    {
        _options = options;
        _capacity = new SemaphoreSlim(options.MaxUnacknowledged, options.MaxUnacknowledged);
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    public bool IsConnected => _connected;

    /// <summary>Connections made after the first one.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    public int Unacknowledged { get { lock (_gate) { return _unacknowledged.Count; } } }

    /// <summary>Queues <paramref name="read"/>; the task completes with the agent's answer (after resends if need be).</summary>
    public async Task<ReadAck> SendAsync(CameraRead read, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        var readId = read.ReadId ?? $"{read.CameraId}:{_idPrefix}-{Interlocked.Increment(ref _idCounter)}";
        var pending = new Pending(readId, ReadLineWriter.ToLine(read, readId));
        await _capacity.WaitAsync(cancellationToken);
        lock (_gate)
        {
            var node = _unacknowledged.AddLast(pending);
            _nextToSend ??= node;
        }
        _work.Release();
        return await pending.Answer.Task;
    }

    /// <summary>Waits until every read sent so far has been answered.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (Unacknowledged > 0)
        {
            await Task.Delay(10, cancellationToken);
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var delay = _options.ReconnectDelay;
        var first = true;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(_options.Host, _options.Port, stop);
                if (!first)
                {
                    Interlocked.Increment(ref _reconnects);
                }
                first = false;
                delay = _options.ReconnectDelay;
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                lock (_gate)
                {
                    // Everything unanswered goes again, in order, on the new connection.
                    _nextToSend = _unacknowledged.First;
                }
                _connected = true;
                _work.Release();
                using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
                var reading = ReadRepliesAsync(stream, connection.Token);
                var writing = WriteReadsAsync(stream, connection.Token);
                await Task.WhenAny(reading, writing);
                await connection.CancelAsync();
                await Task.WhenAll(reading.ContinueWith(_ => { }, TaskScheduler.Default), writing.ContinueWith(_ => { }, TaskScheduler.Default));
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
            }
            _connected = false;
            if (stop.IsCancellationRequested)
            {
                break;
            }
            try
            {
                await Task.Delay(delay, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay = delay * 2 > _options.MaxReconnectDelay ? _options.MaxReconnectDelay : delay * 2;
        }
    }

    private async Task WriteReadsAsync(NetworkStream stream, CancellationToken ct)
    {
        var batch = new ArrayBufferWriter<byte>(64 * 1024);
        while (!ct.IsCancellationRequested)
        {
            await _work.WaitAsync(ct);
            while (true)
            {
                batch.ResetWrittenCount();
                lock (_gate)
                {
                    while (_nextToSend is not null && batch.WrittenCount < 60 * 1024)
                    {
                        batch.Write(_nextToSend.Value.Line);
                        _nextToSend = _nextToSend.Next;
                    }
                }
                if (batch.WrittenCount == 0)
                {
                    break;
                }
                await stream.WriteAsync(batch.WrittenMemory, ct);
            }
        }
    }

    private async Task ReadRepliesAsync(NetworkStream stream, CancellationToken ct)
    {
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(ct);
                var buffer = result.Buffer;
                var consumed = buffer.Start;
                try
                {
                    var lines = new SequenceReader<byte>(buffer);
                    while (lines.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
                    {
                        Answer(Encoding.UTF8.GetString(line));
                        consumed = lines.Position;
                    }
                }
                finally
                {
                    reader.AdvanceTo(consumed, buffer.End);
                }
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync();
        }
    }

    private void Answer(string reply)
    {
        Pending pending;
        lock (_gate)
        {
            var head = _unacknowledged.First;
            if (head is null || head == _nextToSend)
            {
                throw new IOException($"The agent answered a read that was not sent: '{reply}'.");
            }
            _unacknowledged.RemoveFirst();
            pending = head.Value;
        }
        _capacity.Release();
        var error = reply.StartsWith("ok ", StringComparison.Ordinal) ? null
            : reply.StartsWith("err ", StringComparison.Ordinal) ? reply[4..].TrimEnd('\r') : "unexpected_reply";
        pending.Answer.TrySetResult(new ReadAck(pending.ReadId, error));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        lock (_gate)
        {
            foreach (var pending in _unacknowledged)
            {
                pending.Answer.TrySetException(new ObjectDisposedException(nameof(EdgeAgentClient), "The client was disposed before the agent answered."));
            }
            _unacknowledged.Clear();
        }
        _stop.Dispose();
        _capacity.Dispose();
        _work.Dispose();
    }

    private sealed class Pending(string readId, byte[] line)
    {
        public string ReadId { get; } = readId;
        public byte[] Line { get; } = line;
        public TaskCompletionSource<ReadAck> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
