using System.ComponentModel.DataAnnotations;

namespace AnprExchange.EdgeAgent.Hosting;

/// <summary>The agent itself. Bound from "EdgeAgent"; the spool and ingest limits are its sub-sections.</summary>
public sealed class EdgeAgentOptions
{
    public const string SectionName = "EdgeAgent";

    /// <summary>Country whose reads topic this agent feeds (ISO 3166 alpha-2).</summary>
    [Required]
    [RegularExpression("^[A-Za-z]{2}$")]
    public string Country { get; set; } = "";

    /// <summary>Camera TCP port (newline-delimited JSON reads); 0 = disabled.</summary>
    [Range(0, 65535)]
    public int TcpPort { get; set; } = 7300;

    /// <summary>HTTP ingest port; 0 = disabled.</summary>
    [Range(0, 65535)]
    public int HttpPort { get; set; } = 7380;

    /// <summary>Address both ports listen on.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>Most reads handed to the producer and not yet acknowledged.</summary>
    [Range(16, 10_000_000)]
    public int MaxInFlight { get; set; } = 100_000;

    /// <summary>Wait after a delivery failure before resending from the oldest unacknowledged read; doubles up to 30 s.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the released watermark is written to disk.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);
}
