using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Alerts;
using AnprExchange.ControlRoom.Audit;

namespace AnprExchange.ControlRoom.Acknowledgements;

/// <summary>
/// Validates an operator's acknowledgement, publishes it (waiting for the broker), then closes the alert and audits.
/// If publishing fails the alert stays open and the exception reaches the caller.
/// </summary>
public sealed class AcknowledgementService(
    string room,
    OpenAlertStore store,
    AlertIntake intake,
    IAcknowledgementPublisher publisher,
    AuditTrail audit,
    TimeProvider time)
{
    public async Task<AcknowledgeResult> AcknowledgeAsync(string alertId, AcknowledgeRequest? request, CancellationToken cancellationToken)
    {
        if (!AcknowledgeRequestValidator.TryValidate(request, out var operatorName, out var outcome, out var remarks, out var error))
        {
            return AcknowledgeResult.Invalid(error!);
        }
        if (!store.TryGet(alertId, out var open))
        {
            return AcknowledgeResult.NotOpen(alertId);
        }
        var ack = new AlertAcknowledgement
        {
            AlertId = alertId,
            ControlRoom = room,
            Operator = operatorName,
            Outcome = outcome,
            AcknowledgedAt = time.GetUtcNow(),
            Remarks = remarks,
        };
        await publisher.PublishAsync(ack, cancellationToken);
        intake.Close(alertId, out var closed);
        audit.AlertAcknowledged(closed ?? open!, ack);
        return new AcknowledgeResult(AcknowledgeStatus.Acknowledged, ack);
    }

    /// <summary>Audits that an operator opened the detail view; false when the alert is not open.</summary>
    public bool Opened(string alertId, string? operatorName)
    {
        if (!store.TryGet(alertId, out var open))
        {
            return false;
        }
        var name = operatorName?.Trim();
        audit.AlertOpened(open!, string.IsNullOrEmpty(name) || name.Length > AcknowledgeRequestValidator.MaxOperatorLength ? "unknown" : name);
        return true;
    }
}
