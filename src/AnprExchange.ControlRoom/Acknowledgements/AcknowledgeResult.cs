using AnprExchange.Contracts.Records;

namespace AnprExchange.ControlRoom.Acknowledgements;

/// <summary>Outcome of an acknowledgement attempt, mapped to HTTP by the console endpoints.</summary>
public sealed record AcknowledgeResult(AcknowledgeStatus Status, AlertAcknowledgement? Acknowledgement = null, string? Error = null)
{
    public static AcknowledgeResult Invalid(string error) => new(AcknowledgeStatus.Invalid, Error: error);

    public static AcknowledgeResult NotOpen(string alertId) => new(AcknowledgeStatus.NotOpen, Error: $"Alert '{alertId}' is not open in this control room.");
}

public enum AcknowledgeStatus
{
    Acknowledged,
    Invalid,
    NotOpen,
}
