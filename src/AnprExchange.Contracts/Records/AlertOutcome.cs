namespace AnprExchange.Contracts.Records;

/// <summary>What the control room found when it acted on an alert.</summary>
public enum AlertOutcome
{
    Intercepted,
    NotFound,
    FalseRead,
    Other,
}
