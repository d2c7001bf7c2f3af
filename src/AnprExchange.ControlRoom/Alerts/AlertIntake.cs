using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Audit;

namespace AnprExchange.ControlRoom.Alerts;

/// <summary>
/// The control room's one door for alerts: keeps what is addressed to this room, drops redeliveries, folds repeat
/// sightings into the open alert, and writes the audit trail. Called by the consumer thread and, for closing alerts,
/// by the web console; a lock makes the de-duplicator and throttle (single-threaded classes) safe for both.
/// </summary>
public sealed class AlertIntake(
    string room,
    bool acceptUnrouted,
    AlertDeduplicator deduplicator,
    SightingThrottle throttle,
    OpenAlertStore store,
    AuditTrail audit,
    TimeProvider time)
{
    private readonly Lock _gate = new();

    public string Room => room;

    /// <summary>
    /// Handles one delivered alert. <paramref name="replay"/> is true while rebuilding the open list after a restart
    /// from alerts processed before: state is rebuilt but nothing is audited twice.
    /// </summary>
    public IntakeResult Accept(Alert alert, bool replay = false)
    {
        if (!IsForThisRoom(alert))
        {
            return IntakeResult.NotForThisRoom;
        }
        lock (_gate)
        {
            if (!deduplicator.TryRegister(alert.AlertId))
            {
                return IntakeResult.Duplicate;
            }
            var now = time.GetUtcNow();
            var openId = throttle.FindOpenAlert(alert);
            if (openId is not null && store.TryUpdate(openId, open => open.WithSighting(alert, now), out _))
            {
                throttle.Track(openId, alert);
                if (!replay)
                {
                    audit.AlertSighting(alert, openId);
                }
                return IntakeResult.Sighting;
            }
            var dropped = store.Add(OpenAlert.Raise(alert, now));
            throttle.Track(alert.AlertId, alert);
            if (dropped is not null)
            {
                throttle.Release(dropped.AlertId);
                audit.AlertDropped(dropped);
            }
            if (!replay)
            {
                audit.AlertDelivered(alert);
            }
            return IntakeResult.Raised;
        }
    }

    /// <summary>Takes an alert off the open list (acknowledged here or elsewhere); a later redelivery stays closed.</summary>
    public bool Close(string alertId, out OpenAlert? closed)
    {
        lock (_gate)
        {
            deduplicator.TryRegister(alertId);
            throttle.Release(alertId);
            return store.TryRemove(alertId, out closed);
        }
    }

    /// <summary>An acknowledgement read back from the topic (this console's own, another console's, or a replay).</summary>
    public void Observe(AlertAcknowledgement ack)
    {
        if (ack.ControlRoom == room || (acceptUnrouted && ack.ControlRoom.Length == 0))
        {
            Close(ack.AlertId, out _);
        }
    }

    private bool IsForThisRoom(Alert alert) =>
        string.Equals(alert.ControlRoom, room, StringComparison.Ordinal) || (acceptUnrouted && alert.ControlRoom.Length == 0);
}
