using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace AnprExchange.EdgeAgent.Tests;

/// <summary>A spool in a fresh temporary directory, deleted with the test.</summary>
internal sealed class TempSpoolDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "anpr-spool-" + Guid.NewGuid().ToString("N"));

    public SpoolOptions Options(long segmentBytes = 64 * 1024 * 1024, long maxBytes = 1024L * 1024 * 1024, SpoolFlushPolicy policy = SpoolFlushPolicy.None) =>
        new() { Directory = Path, SegmentBytes = segmentBytes, MaxBytes = maxBytes, FlushPolicy = policy };

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

internal sealed class CollectingRejectedSink : IRejectedReadSink
{
    public ConcurrentQueue<(string Source, ReadRejection Reason, byte[] Raw)> Items { get; } = new();

    public void Reject(string source, ReadRejection reason, ReadOnlySpan<byte> raw) => Items.Enqueue((source, reason, raw.ToArray()));
}

internal static class SpoolContents
{
    /// <summary>Every committed record from the released watermark on, with its sequence, payloads as UTF-8 text.</summary>
    public static List<(long Sequence, string Payload)> ReadAll(ReadSpool spool)
    {
        using var cursor = spool.OpenCursor();
        var records = new List<(long, string)>();
        while (cursor.TryRead(out var sequence, out var payload))
        {
            records.Add((sequence, Encoding.UTF8.GetString(payload)));
        }
        return records;
    }

    /// <summary>Flips a byte in the payload of record <paramref name="record"/> (0-based) of a segment file; returns that record's offset.</summary>
    public static int DamagePayload(string segmentPath, int record, int payloadByte)
    {
        var bytes = File.ReadAllBytes(segmentPath);
        var offset = 0;
        for (var i = 0; i < record; i++)
        {
            offset += SpoolRecordFormat.HeaderLength + BitConverter.ToInt32(bytes, offset);
        }
        bytes[offset + SpoolRecordFormat.HeaderLength + payloadByte] ^= 0xFF;
        File.WriteAllBytes(segmentPath, bytes);
        return offset;
    }
}

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 20, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static string Line(string readId = "cam-17:42", string cameraId = "cam-17", string plate = "1-ABC-123", string timestamp = "2026-12-04T10:15:30.123Z") =>
        $$"""{"readId":"{{readId}}","cameraId":"{{cameraId}}","timestamp":"{{timestamp}}","plate":"{{plate}}","country":"BE","confidence":0.93,"lat":51.2,"lon":4.4,"direction":"in"}""";

    public static string Fixture(string name) => File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static ReadLineProcessor Processor(ReadSpool spool, IRejectedReadSink? sink = null, int maxLine = 8 * 1024) =>
        new(spool, new IngestOptions { MaxLineBytes = maxLine }, Clock(), new ReadIdGenerator("test"), sink ?? new CollectingRejectedSink(), new EdgeAgentMetrics());

    /// <summary>Feeds <paramref name="chunks"/> through a real Pipe the way the TCP handler does; returns the replies.</summary>
    public static async Task<string> RunThroughPipeAsync(ReadLineProcessor processor, ReadSpool spool, IEnumerable<byte[]> chunks, Action<long>? observeBuffered = null)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var replies = new ArrayBufferWriter<byte>();
        foreach (var chunk in chunks)
        {
            if (chunk.Length == 0)
            {
                continue;
            }
            await pipe.Writer.WriteAsync(chunk);
            var result = await pipe.Reader.ReadAsync();
            observeBuffered?.Invoke(result.Buffer.Length);
            var consumed = processor.Process(result.Buffer, isFinal: false, replies, out _);
            spool.Commit();
            pipe.Reader.AdvanceTo(consumed, result.Buffer.End);
        }
        await pipe.Writer.CompleteAsync();
        var last = await pipe.Reader.ReadAsync();
        var end = processor.Process(last.Buffer, isFinal: true, replies, out _);
        spool.Commit();
        pipe.Reader.AdvanceTo(end);
        return Encoding.UTF8.GetString(replies.WrittenSpan);
    }
}
