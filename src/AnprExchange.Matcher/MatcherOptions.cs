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
    [MinLength(1)]
    public string[] HotlistCountries { get; set; } = ["BE", "NL", "LU"];

    /// <summary>Consumer group shared by the matcher instances of one country.</summary>
    [Required]
    public string GroupId { get; set; } = "anpr-matcher";

    /// <summary>Control room given to alerts when no routing is configured.</summary>
    public string DefaultControlRoom { get; set; } = "";

    /// <summary>Reads handled per produce/flush/commit cycle.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;
}
