namespace AnprExchange.Hotlists.Signing;

/// <summary>
/// Which public keys a matcher trusts, bound from configuration section <see cref="SectionName"/>:
/// <c>Directory</c> (one sub-folder per country holding *.pem, see <see cref="HotlistTrustStore"/>) and/or
/// <c>Keys:&lt;CC&gt;:&lt;n&gt;</c> = a PEM file path or the PEM text itself. Several keys per country during rotation.
/// </summary>
public sealed class HotlistTrustOptions
{
    public const string SectionName = "Hotlists:Trust";

    public string? Directory { get; set; }

    public Dictionary<string, List<string>> Keys { get; set; } = new(StringComparer.Ordinal);
}
