using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using AnprExchange.EdgeAgent.Ingest;

namespace AnprExchange.EdgeAgent.Vendors;

/// <summary>
/// A vendor payload turned into reads in our JSON (fed to the same parser and validation as TCP lines), or the reason
/// it could not be, or why it was deliberately ignored (Axis update/lost states, OpenALPR previews).
/// </summary>
public sealed record VendorMapping(IReadOnlyList<byte[]> Reads, ReadRejection Rejection = ReadRejection.None, string? Detail = null, string? Ignored = null)
{
    public static VendorMapping Of(byte[] read) => new([read]);

    public static VendorMapping Fail(ReadRejection rejection, string detail) => new([], rejection, detail);

    public static VendorMapping Ignore(string why) => new([], Ignored: why);

    /// <summary>Parses a vendor's JSON body; on malformed JSON <paramref name="failure"/> says why.</summary>
    public static bool TryParseJson(ReadOnlySpan<byte> body, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out VendorMapping? failure)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
            failure = null;
            return true;
        }
        catch (JsonException e)
        {
            document = null;
            failure = Fail(ReadRejection.MalformedJson, e.Message);
            return false;
        }
    }
}
