using AnprExchange.Contracts.Records;

namespace AnprExchange.ControlRoom.Alerts;

/// <summary>
/// Decides whether a new alert is a fresh alarm or another sighting of an open one: the same plate and hotlist entry
/// read again within the window (compared on the reads' own timestamps, so a replay after restart decides the same way)
/// updates the open alert instead. A slot is also dropped once the injected clock has not touched it for a window,
/// which bounds memory. Not thread-safe: the consumer loop owns it.
/// </summary>
public sealed class SightingThrottle
{
    private readonly Dictionary<SightingKey, Slot> _slots = [];
    private readonly Dictionary<string, List<SightingKey>> _keysByAlert = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _window;
    private DateTimeOffset _nextPrune;

    public SightingThrottle(TimeProvider time, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        _time = time;
        _window = window;
        _nextPrune = time.GetUtcNow() + window;
    }

    public TimeSpan Window => _window;

    public int SlotCount => _slots.Count;

    /// <summary>The id of the open alert this one is another sighting of, or null when it is a new alarm.</summary>
    public string? FindOpenAlert(Alert alert)
    {
        var now = _time.GetUtcNow();
        PruneIfDue(now);
        foreach (var match in alert.Matches)
        {
            if (_slots.TryGetValue(new SightingKey(alert.Plate, match.SourceCountry, match.List, match.EntryId), out var slot)
                && now - slot.TouchedAt <= _window
                && (alert.Timestamp - slot.LastRead).Duration() <= _window)
            {
                return slot.OpenAlertId;
            }
        }
        return null;
    }

    /// <summary>Records that <paramref name="alert"/> was seen as (or as a sighting of) the open alert <paramref name="openAlertId"/>.</summary>
    public void Track(string openAlertId, Alert alert)
    {
        var now = _time.GetUtcNow();
        if (!_keysByAlert.TryGetValue(openAlertId, out var keys))
        {
            keys = [];
            _keysByAlert[openAlertId] = keys;
        }
        foreach (var match in alert.Matches)
        {
            var key = new SightingKey(alert.Plate, match.SourceCountry, match.List, match.EntryId);
            if (_slots.TryGetValue(key, out var slot) && slot.OpenAlertId == openAlertId)
            {
                var last = alert.Timestamp > slot.LastRead ? alert.Timestamp : slot.LastRead;
                _slots[key] = new Slot(openAlertId, last, now);
                continue;
            }
            _slots[key] = new Slot(openAlertId, alert.Timestamp, now);
            keys.Add(key);
        }
    }

    /// <summary>The open alert was acknowledged (or dropped): its plate and entries may raise a new alarm.</summary>
    public void Release(string openAlertId)
    {
        if (!_keysByAlert.Remove(openAlertId, out var keys))
        {
            return;
        }
        foreach (var key in keys)
        {
            if (_slots.TryGetValue(key, out var slot) && slot.OpenAlertId == openAlertId)
            {
                _slots.Remove(key);
            }
        }
    }

    private void PruneIfDue(DateTimeOffset now)
    {
        if (now < _nextPrune)
        {
            return;
        }
        _nextPrune = now + _window;
        List<SightingKey>? stale = null;
        foreach (var (key, slot) in _slots)
        {
            if (now - slot.TouchedAt > _window)
            {
                (stale ??= []).Add(key);
            }
        }
        if (stale is null)
        {
            return;
        }
        foreach (var key in stale)
        {
            if (_slots.Remove(key, out var slot) && _keysByAlert.TryGetValue(slot.OpenAlertId, out var keys))
            {
                keys.Remove(key);
                if (keys.Count == 0)
                {
                    _keysByAlert.Remove(slot.OpenAlertId);
                }
            }
        }
    }

    private readonly record struct SightingKey(string Plate, string SourceCountry, string List, string EntryId);

    private readonly record struct Slot(string OpenAlertId, DateTimeOffset LastRead, DateTimeOffset TouchedAt);
}
