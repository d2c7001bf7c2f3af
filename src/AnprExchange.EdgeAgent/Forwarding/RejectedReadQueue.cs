using System.Threading.Channels;
using AnprExchange.Contracts.Records;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Telemetry;

namespace AnprExchange.EdgeAgent.Forwarding;

/// <summary>
/// Rejected input on its way to the rejected topic: a bounded in-memory queue drained by the forwarder. Best effort by
/// design — a rejected read was answered <c>err</c>, so the camera still has it; when the queue is full the record is
/// dropped and counted (anpr.agent.rejected.dropped).
/// </summary>
public sealed class RejectedReadQueue(IngestOptions options, TimeProvider time, EdgeAgentMetrics metrics) : IRejectedReadSink
{
    private readonly Channel<RejectedInput> _channel = Channel.CreateBounded<RejectedInput>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public ChannelReader<RejectedInput> Reader => _channel.Reader;

    public void Reject(string source, ReadRejection reason, ReadOnlySpan<byte> raw)
    {
        var kept = raw[..Math.Min(raw.Length, options.MaxRejectedRawBytes)];
        var record = new RejectedInput
        {
            Source = source,
            Reason = reason.ToWire(),
            Raw = kept.ToArray(),
            RawTruncated = kept.Length < raw.Length,
            ReceivedAt = time.GetUtcNow(),
        };
        if (!_channel.Writer.TryWrite(record))
        {
            metrics.RejectedDropped();
        }
    }
}
