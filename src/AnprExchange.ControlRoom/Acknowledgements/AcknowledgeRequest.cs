namespace AnprExchange.ControlRoom.Acknowledgements;

/// <summary>Body of <c>POST /api/alerts/{alertId}/ack</c>: <c>{"operator":"…","outcome":"intercepted|not_found|false_read|other","remarks":"…"}</c>.</summary>
public sealed record AcknowledgeRequest(string? Operator, string? Outcome, string? Remarks = null);
