using AnprExchange.Contracts.Records;

namespace AnprExchange.ControlRoom.Acknowledgements;

/// <summary>Checks an acknowledgement request before anything is published; the reason goes back as problem+json.</summary>
public static class AcknowledgeRequestValidator
{
    public const int MaxOperatorLength = 100;
    public const int MaxRemarksLength = 1000;

    public static bool TryValidate(AcknowledgeRequest? request, out string operatorName, out AlertOutcome outcome, out string? remarks, out string? error)
    {
        operatorName = "";
        outcome = default;
        remarks = null;
        if (request is null)
        {
            error = "The body must be a JSON object with \"operator\" and \"outcome\".";
            return false;
        }
        var name = request.Operator?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            error = "\"operator\" is required: the name of the operator acknowledging the alert.";
            return false;
        }
        if (name.Length > MaxOperatorLength || name.Any(char.IsControl))
        {
            error = $"\"operator\" must be at most {MaxOperatorLength} printable characters.";
            return false;
        }
        if (!AlertOutcomeWords.TryParse(request.Outcome, out outcome))
        {
            error = $"\"outcome\" must be one of {string.Join(", ", AlertOutcomeWords.All)}.";
            return false;
        }
        var note = request.Remarks?.Trim();
        if (note is { Length: > MaxRemarksLength })
        {
            error = $"\"remarks\" must be at most {MaxRemarksLength} characters.";
            return false;
        }
        operatorName = name;
        remarks = string.IsNullOrEmpty(note) ? null : note;
        error = null;
        return true;
    }
}
