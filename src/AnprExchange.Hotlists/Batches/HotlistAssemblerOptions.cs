namespace AnprExchange.Hotlists.Batches;

/// <summary>Options of <see cref="HotlistBatchAssembler"/>; validated by <see cref="Validate"/> at start-up.</summary>
public sealed class HotlistAssemblerOptions
{
    /// <summary>A batch with no new record for this long is dropped (a push that died half way). Default 30 minutes.</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many finished batch ids to remember, so redelivered records of a finished batch are ignored.</summary>
    public int RememberFinishedBatches { get; set; } = 4096;

    public void Validate()
    {
        if (AbandonAfter <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AbandonAfter), AbandonAfter, "must be positive");
        }
        if (RememberFinishedBatches < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RememberFinishedBatches), RememberFinishedBatches, "must be at least 1");
        }
    }
}
