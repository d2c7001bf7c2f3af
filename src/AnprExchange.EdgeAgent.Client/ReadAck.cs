namespace AnprExchange.EdgeAgent.Client;

/// <summary>The agent's answer to one read: accepted (durably spooled) or refused with a reason such as <c>plate_empty</c>.</summary>
public sealed record ReadAck(string ReadId, string? Error)
{
    public bool IsAccepted => Error is null;

    /// <summary>The agent refused the read only because its spool is full: keep it and send it again later.</summary>
    public bool IsRetryable => Error == "spool_full";
}
