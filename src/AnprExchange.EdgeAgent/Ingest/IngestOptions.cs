using System.ComponentModel.DataAnnotations;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>Limits and validation at the edge. Bound from "EdgeAgent:Ingest".</summary>
public sealed class IngestOptions
{
    /// <summary>A TCP line (or one read in an HTTP body) longer than this is rejected without being buffered whole.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxLineBytes { get; set; } = 8 * 1024;

    /// <summary>Reads stamped further in the future than this (camera clock drift) are rejected.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How much of a rejected input is kept in the rejected topic.</summary>
    [Range(0, 64 * 1024)]
    public int MaxRejectedRawBytes { get; set; } = 1024;
}
