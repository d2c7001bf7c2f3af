namespace AnprExchange.Hotlists.Batches;

/// <summary>Options of <see cref="HotlistBatchAssembler"/>; validated by <see cref="Validate"/> at start-up.</summary>
public sealed class HotlistAssemblerOptions
{
    /// <summary>A batch with no new record for this long is dropped (a push that died half way). Default 30 minutes.</summary>
    public TimeSpan AbandonAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How many finished batch ids to remember, so redelivered records of a finished batch are ignored.</summary>
    public int RememberFinishedBatches { get; set; } = 4096;

    /// <summary>
    /// Entries buffered over all incomplete batches at most; beyond it the least recently active batch is dropped
    /// (reported by the next <see cref="HotlistBatchAssembler.DropAbandoned"/>), so a flood cannot exhaust memory.
    /// Default 25 million: a full push of the largest list (~10 million) fits twice and more.
    /// </summary>
    public long MaxPendingEntries { get; set; } = 25_000_000;

    public void Validate()
    {
        if (MaxPendingEntries < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPendingEntries), MaxPendingEntries, "must be at least 1");
        }
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
