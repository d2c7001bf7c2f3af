namespace AnprExchange.Hotlists.Batches;

public enum HotlistBatchOutcomeKind
{
    /// <summary>Complete and verified: apply it (Full replaces the list, Delta upserts and deletes).</summary>
    Committed,
    /// <summary>Complete but failed verification: the previous version stays in force.</summary>
    Rejected,
    /// <summary>Incomplete for too long (the push died half way): dropped, nothing applied.</summary>
    Abandoned,
}
