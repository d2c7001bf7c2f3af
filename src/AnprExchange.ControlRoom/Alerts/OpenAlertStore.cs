namespace AnprExchange.ControlRoom.Alerts;

/// <summary>
/// The open alerts of one control room, in memory, shared by the consumer (writes) and the web console (reads and
/// acknowledgements). At most <c>capacity</c> alerts are kept; beyond that the least recently active one is dropped.
/// Every change is published to the subscribers in the order it happened.
/// </summary>
public sealed class OpenAlertStore
{
    private const int SubscriberBacklog = 1024;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OpenAlert> _alerts = new(StringComparer.Ordinal);
    private readonly List<OpenAlertSubscription> _subscribers = [];
    private readonly int _capacity;

    public OpenAlertStore(int capacity = 5000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _alerts.Count;
            }
        }
    }

    /// <summary>Adds a new open alert (or replaces one with the same id); returns the alert dropped to stay within capacity, if any.</summary>
    public OpenAlert? Add(OpenAlert alert)
    {
        OpenAlert? dropped = null;
        lock (_gate)
        {
            if (!_alerts.ContainsKey(alert.AlertId) && _alerts.Count >= _capacity)
            {
                dropped = _alerts.Values.MinBy(a => a.LastActivityAt);
                if (dropped is not null)
                {
                    _alerts.Remove(dropped.AlertId);
                    PublishLocked(new OpenAlertChange(OpenAlertChangeKind.Removed, dropped.AlertId, null));
                }
            }
            _alerts[alert.AlertId] = alert;
            PublishLocked(new OpenAlertChange(OpenAlertChangeKind.Upserted, alert.AlertId, alert));
        }
        return dropped;
    }

    /// <summary>Applies <paramref name="update"/> to an open alert; false when it is no longer open.</summary>
    public bool TryUpdate(string alertId, Func<OpenAlert, OpenAlert> update, out OpenAlert? updated)
    {
        lock (_gate)
        {
            if (!_alerts.TryGetValue(alertId, out var current))
            {
                updated = null;
                return false;
            }
            updated = update(current);
            _alerts[alertId] = updated;
            PublishLocked(new OpenAlertChange(OpenAlertChangeKind.Upserted, alertId, updated));
            return true;
        }
    }

    public bool TryGet(string alertId, out OpenAlert? alert)
    {
        lock (_gate)
        {
            return _alerts.TryGetValue(alertId, out alert);
        }
    }

    /// <summary>Takes an alert off the open list (acknowledged); false when it was not open.</summary>
    public bool TryRemove(string alertId, out OpenAlert? removed)
    {
        lock (_gate)
        {
            if (!_alerts.Remove(alertId, out removed))
            {
                return false;
            }
            PublishLocked(new OpenAlertChange(OpenAlertChangeKind.Removed, alertId, null));
            return true;
        }
    }

    /// <summary>Open alerts, newest activity first.</summary>
    public IReadOnlyList<OpenAlert> Snapshot()
    {
        lock (_gate)
        {
            return SnapshotLocked();
        }
    }

    /// <summary>Snapshot and change feed taken atomically, so a subscriber misses nothing and sees nothing twice.</summary>
    public OpenAlertSubscription Subscribe()
    {
        lock (_gate)
        {
            var subscription = new OpenAlertSubscription(SnapshotLocked(), SubscriberBacklog, Unsubscribe);
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    private void Unsubscribe(OpenAlertSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }

    private OpenAlert[] SnapshotLocked()
    {
        var list = _alerts.Values.ToArray();
        Array.Sort(list, static (a, b) =>
        {
            var byActivity = b.LastActivityAt.CompareTo(a.LastActivityAt);
            return byActivity != 0 ? byActivity : b.Alert.Timestamp.CompareTo(a.Alert.Timestamp);
        });
        return list;
    }

    private void PublishLocked(OpenAlertChange change)
    {
        foreach (var subscriber in _subscribers)
        {
            subscriber.Publish(change);
        }
    }
}
