namespace AnprExchange.ControlRoom.Alerts;

/// <summary>
/// Remembers alert ids already handled, so an at-least-once redelivery is shown once. Memory is bounded twice:
/// ids are forgotten after <c>retention</c> (by the injected clock) and the oldest go first beyond <c>capacity</c>.
/// Not thread-safe: the consumer loop owns it.
/// </summary>
public sealed class AlertDeduplicator
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string AlertId, DateTimeOffset At)> _order = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly int _capacity;

    public AlertDeduplicator(TimeProvider time, TimeSpan retention, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _retention = retention;
        _capacity = capacity;
    }

    public int Count => _seen.Count;

    /// <summary>True the first time an id is seen (within the retention), false for a redelivery.</summary>
    public bool TryRegister(string alertId)
    {
        var now = _time.GetUtcNow();
        Forget(now);
        if (!_seen.Add(alertId))
        {
            return false;
        }
        _order.Enqueue((alertId, now));
        Forget(now);
        return true;
    }

    /// <summary>True when the id was registered and not yet forgotten.</summary>
    public bool Contains(string alertId)
    {
        Forget(_time.GetUtcNow());
        return _seen.Contains(alertId);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_order.TryPeek(out var oldest) && (_order.Count > _capacity || now - oldest.At > _retention))
        {
            _order.Dequeue();
            _seen.Remove(oldest.AlertId);
        }
    }
}
