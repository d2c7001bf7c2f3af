namespace AnprExchange.Matcher.Routing;

/// <summary>
/// Which control rooms receive an alert. Bound from the "AlertRouting" configuration section, e.g.
/// <c>{"Cameras":{"cam-17":"antwerp"},"Regions":{"antwerp":["cr-antwerp","cr-national"]},"CovertRooms":["cr-national"]}</c>.
/// </summary>
public sealed class AlertRoutingOptions
{
    public const string SectionName = "AlertRouting";

    /// <summary>Camera id → region.</summary>
    public Dictionary<string, string> Cameras { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Region → the control rooms that watch it.</summary>
    public Dictionary<string, string[]> Regions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Region for cameras not listed in <see cref="Cameras"/>; none means such alerts are routed nowhere.</summary>
    public string? DefaultRegion { get; set; }

    /// <summary>Control rooms cleared to see matches on covert entries; others never learn of them.</summary>
    public string[] CovertRooms { get; set; } = [];

    /// <summary>Configuration mistakes that would silently route alerts nowhere; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (camera, region) in Cameras)
        {
            if (!Regions.ContainsKey(region))
            {
                errors.Add($"camera '{camera}' belongs to region '{region}', which has no control rooms");
            }
        }
        if (DefaultRegion is { } fallback && !Regions.ContainsKey(fallback))
        {
            errors.Add($"the default region '{fallback}' has no control rooms");
        }
        foreach (var (region, rooms) in Regions)
        {
            if (rooms.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"region '{region}' lists an empty control room id");
            }
        }
        return errors;
    }
}
