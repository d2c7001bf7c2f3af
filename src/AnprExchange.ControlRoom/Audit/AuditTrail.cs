using AnprExchange.Contracts.Audit;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Acknowledgements;
using AnprExchange.ControlRoom.Alerts;

namespace AnprExchange.ControlRoom.Audit;

/// <summary>Turns control room events into <see cref="AuditRecord"/>s (plate pseudonymised) and hands them to the sink.</summary>
public sealed class AuditTrail(IAuditSink sink, PlatePseudonymizer pseudonymizer, TimeProvider time, string country, string room)
{
    private string RoomActor => $"controlroom:{room}";

    public void AlertDelivered(Alert alert) =>
        Write(RoomActor, AuditActions.AlertDelivered, $"hit on {Describe(alert)}", alert, alert.AlertId);

    public void AlertSighting(Alert sighting, string openAlertId) =>
        Write(RoomActor, AuditActions.AlertSighting, $"sighting {sighting.AlertId} of open alert {openAlertId} within the throttle window",
            sighting, openAlertId);

    public void AlertOpened(OpenAlert open, string operatorName) =>
        Write(OperatorActor(operatorName), AuditActions.AlertOpened, "detail view opened", open.Alert, open.AlertId);

    public void AlertAcknowledged(OpenAlert open, AlertAcknowledgement ack) =>
        Write(OperatorActor(ack.Operator), AuditActions.AlertAcknowledged,
            string.IsNullOrWhiteSpace(ack.Remarks) ? $"acknowledged: {ack.Outcome.ToWire()}" : $"acknowledged: {ack.Outcome.ToWire()}; {ack.Remarks}",
            open.Alert, open.AlertId, ack.Outcome.ToWire());

    public void AlertDropped(OpenAlert open) =>
        Write(RoomActor, AuditActions.AlertDropped, "open list full: least recently active alert dropped unacknowledged", open.Alert, open.AlertId);

    private void Write(string actor, string action, string reason, Alert alert, string alertId, string? outcome = null)
    {
        var now = time.GetUtcNow();
        sink.Write(new AuditRecord
        {
            AuditId = Guid.CreateVersion7(now).ToString("N"),
            At = now,
            Actor = actor,
            Action = action,
            Reason = reason,
            Country = country,
            ControlRoom = room,
            AlertId = alertId,
            ReadId = alert.ReadId,
            CameraId = alert.CameraId,
            PlatePseudonym = pseudonymizer.Pseudonymise(alert.Plate),
            Entries = alert.Matches.Select(m => $"{m.SourceCountry}/{m.List}/{m.EntryId}").ToArray(),
            Outcome = outcome,
        });
    }

    private static string OperatorActor(string name) => $"operator:{name}";

    private static string Describe(Alert alert) =>
        alert.Matches.Count == 0 ? "no visible entry" : string.Join(", ", alert.Matches.Select(m => $"{m.SourceCountry}/{m.List}"));
}
