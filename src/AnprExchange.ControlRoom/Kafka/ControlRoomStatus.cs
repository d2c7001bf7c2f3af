using System.Diagnostics.Metrics;
using AnprExchange.ControlRoom.Alerts;

namespace AnprExchange.ControlRoom.Kafka;

/// <summary>
/// What the consumer has done so far: readable totals (for /api/status and tests) mirrored as System.Diagnostics.Metrics
/// counters on the "AnprExchange.ControlRoom" meter.
/// </summary>
public sealed class ControlRoomStatus : IDisposable
{
    public const string MeterName = "AnprExchange.ControlRoom";
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _alerts;
    private long _raised;
    private long _sightings;
    private long _duplicates;
    private long _otherRooms;
    private long _acknowledgementsSeen;
    private long _rejected;
    private int _assigned;

    public ControlRoomStatus()
    {
        _alerts = _meter.CreateCounter<long>("anpr.controlroom.alerts", description: "Alerts delivered to this control room, by result.");
    }

    public long Raised => Interlocked.Read(ref _raised);

    public long Sightings => Interlocked.Read(ref _sightings);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long OtherRooms => Interlocked.Read(ref _otherRooms);

    public long AcknowledgementsSeen => Interlocked.Read(ref _acknowledgementsSeen);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>True once the consumer has its partitions (and has started the replay).</summary>
    public bool Assigned => Volatile.Read(ref _assigned) == 1;

    internal void Count(IntakeResult result)
    {
        _ = result switch
        {
            IntakeResult.Raised => Interlocked.Increment(ref _raised),
            IntakeResult.Sighting => Interlocked.Increment(ref _sightings),
            IntakeResult.Duplicate => Interlocked.Increment(ref _duplicates),
            _ => Interlocked.Increment(ref _otherRooms),
        };
        _alerts.Add(1, new KeyValuePair<string, object?>("result", result.ToString()));
    }

    internal void CountAcknowledgement() => Interlocked.Increment(ref _acknowledgementsSeen);

    internal void CountRejected() => Interlocked.Increment(ref _rejected);

    internal void SetAssigned(bool assigned) => Volatile.Write(ref _assigned, assigned ? 1 : 0);

    public void Dispose() => _meter.Dispose();
}
