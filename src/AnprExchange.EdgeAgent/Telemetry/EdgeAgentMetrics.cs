using System.Diagnostics.Metrics;
using AnprExchange.EdgeAgent.Ingest;

namespace AnprExchange.EdgeAgent.Telemetry;

/// <summary>The agent's counters (meter "AnprExchange.EdgeAgent"); exported by whatever metrics pipeline the host adds.</summary>
public sealed class EdgeAgentMetrics : IDisposable
{
    public const string MeterName = "AnprExchange.EdgeAgent";

    private readonly Meter _meter;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _forwarded;
    private readonly Counter<long> _deliveryFailures;
    private readonly Counter<long> _rejectedDropped;

    public EdgeAgentMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _accepted = _meter.CreateCounter<long>("anpr.agent.reads.accepted", description: "Reads durably spooled and acknowledged to the camera.");
        _rejected = _meter.CreateCounter<long>("anpr.agent.reads.rejected", description: "Reads refused, tagged by reason and source.");
        _forwarded = _meter.CreateCounter<long>("anpr.agent.reads.forwarded", description: "Reads acknowledged by Kafka and released from the spool.");
        _deliveryFailures = _meter.CreateCounter<long>("anpr.agent.delivery.failures", description: "Kafka delivery failures; the reads stay spooled and are resent.");
        _rejectedDropped = _meter.CreateCounter<long>("anpr.agent.rejected.dropped", description: "Rejected-input records not published because their queue was full.");
    }

    public void Accepted(string source, int count = 1) => _accepted.Add(count, new KeyValuePair<string, object?>("source", source));

    public void Rejected(string source, ReadRejection reason) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("reason", reason.ToWire()));

    public void Forwarded(int count) => _forwarded.Add(count);

    public void DeliveryFailed(int count) => _deliveryFailures.Add(count);

    public void RejectedDropped() => _rejectedDropped.Add(1);

    public void Dispose() => _meter.Dispose();
}
