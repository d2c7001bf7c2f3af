using System.ComponentModel.DataAnnotations;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>The durable spool: where, how big, how durable. Bound from "EdgeAgent:Spool".</summary>
public sealed class SpoolOptions
{
    [Required]
    public string Directory { get; set; } = "";

    /// <summary>A segment file is closed and a new one started past this size.</summary>
    [Range(64 * 1024, long.MaxValue)]
    public long SegmentBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Disk bound: when the unacknowledged reads fill this, new reads are refused (<c>err spool_full</c>).</summary>
    [Range(128 * 1024, long.MaxValue)]
    public long MaxBytes { get; set; } = 1024L * 1024 * 1024;

    public SpoolFlushPolicy FlushPolicy { get; set; } = SpoolFlushPolicy.PerBatch;
}
