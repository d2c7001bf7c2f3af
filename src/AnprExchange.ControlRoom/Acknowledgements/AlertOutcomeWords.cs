using AnprExchange.Contracts.Records;

namespace AnprExchange.ControlRoom.Acknowledgements;

/// <summary>The snake_case words for <see cref="AlertOutcome"/> used by the console's HTTP API and the audit trail.</summary>
public static class AlertOutcomeWords
{
    public static IReadOnlyList<string> All { get; } = ["intercepted", "not_found", "false_read", "other"];

    public static string ToWire(this AlertOutcome outcome) => outcome switch
    {
        AlertOutcome.Intercepted => "intercepted",
        AlertOutcome.NotFound => "not_found",
        AlertOutcome.FalseRead => "false_read",
        _ => "other",
    };

    public static bool TryParse(string? word, out AlertOutcome outcome)
    {
        switch (word?.Trim().ToLowerInvariant())
        {
            case "intercepted":
                outcome = AlertOutcome.Intercepted;
                return true;
            case "not_found":
                outcome = AlertOutcome.NotFound;
                return true;
            case "false_read":
                outcome = AlertOutcome.FalseRead;
                return true;
            case "other":
                outcome = AlertOutcome.Other;
                return true;
            default:
                outcome = default;
                return false;
        }
    }
}
