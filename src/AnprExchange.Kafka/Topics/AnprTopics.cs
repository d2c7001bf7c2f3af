namespace AnprExchange.Kafka;

/// <summary>Every topic name of the system, in one place (design.md "Shape"). Country codes are lower-cased.</summary>
public static class AnprTopics
{
    public const string Prefix = "anpr";

    /// <summary>Camera reads of one country, Avro PlateRead, keyed by camera id.</summary>
    public static string Reads(string country) => $"{Prefix}.reads.{Cc(country)}";

    /// <summary>A country's hotlist entries (keyed list/entry id) and signed batch manifests (keyed by list); time retention, not compacted; replicated to partners.</summary>
    public static string Hotlist(string country) => $"{Prefix}.hotlist.{Cc(country)}";

    /// <summary>Hit alerts for a country's control rooms, Avro Alert, keyed by control room.</summary>
    public static string Alerts(string country) => $"{Prefix}.alerts.{Cc(country)}";

    /// <summary>Operators' acknowledgements of alerts.</summary>
    public static string AlertAcks(string country) => $"{Prefix}.alerts.acks.{Cc(country)}";

    /// <summary>Input that could not be accepted, with the reason.</summary>
    public static string Rejected(string country) => $"{Prefix}.rejected.{Cc(country)}";

    /// <summary>The audit trail: alerts delivered, opened, acknowledged; hotlist pushes.</summary>
    public static string Audit(string country) => $"{Prefix}.audit.{Cc(country)}";

    private static string Cc(string country)
    {
        if (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1]))
        {
            throw new ArgumentException($"'{country}' is not an ISO 3166 alpha-2 country code.", nameof(country));
        }
        return country.ToLowerInvariant();
    }
}
