using System.ComponentModel.DataAnnotations;

namespace AnprExchange.Matcher;

/// <summary>Bound from the "Matcher" configuration section and validated at start-up.</summary>
public sealed class MatcherOptions
{
    public const string SectionName = "Matcher";

    /// <summary>The country whose reads this matcher consumes and whose control rooms get the alerts.</summary>
    [Required, RegularExpression("^[A-Za-z]{2}$")]
    public string Country { get; set; } = "BE";

    /// <summary>Countries whose hotlists are replicated into the index: the home country and every partner.</summary>
    public string[] HotlistCountries { get; set; } = [];

    public static string[] DefaultHotlistCountries => ["BE", "NL", "LU"];

    /// <summary>Consumer group shared by the matcher instances of one country.</summary>
    [Required]
    public string GroupId { get; set; } = "anpr-matcher";

    /// <summary>Control room given to alerts when no routing is configured.</summary>
    public string DefaultControlRoom { get; set; } = "";

    /// <summary>Reads handled per lookup/produce/commit cycle.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Folder of trusted hotlist signing keys: one sub-folder per country holding *.pem public keys. Batches whose
    /// manifest is not signed by one of them are rejected.
    /// </summary>
    public string? TrustedKeysDirectory { get; set; }

    /// <summary>Where the index is snapshotted with the offsets it covers, for a fast restart; none when unset.</summary>
    public string? SnapshotDirectory { get; set; }

    /// <summary>How often to snapshot when batches were applied since the last one.</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An incomplete batch with no news for this long is dropped (a push that died half way).</summary>
    public TimeSpan AbandonBatchesAfter { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often expired entries are dropped from memory.</summary>
    public TimeSpan CompactionInterval { get; set; } = TimeSpan.FromMinutes(10);
}
