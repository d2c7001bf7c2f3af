using System.Globalization;
using System.Text.Json;

namespace AnprExchange.Contracts.Json;

/// <summary>
/// Times in our JSON: ISO 8601 strings. Written as UTC with milliseconds ("2026-12-04T10:15:30.123Z", the precision
/// the Avro records keep); read with any offset, and a time without an offset is taken as UTC.
/// </summary>
internal static class JsonTime
{
    private const string WireFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> propertyName, DateTimeOffset value)
    {
        Span<byte> text = stackalloc byte[32];
        value.UtcDateTime.TryFormat(text, out var written, WireFormat, CultureInfo.InvariantCulture);
        writer.WriteString(propertyName, text[..written]);
    }

    /// <summary>Reads the current string token as an ISO 8601 time; false when it is not a string or not ISO 8601.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out value))
        {
            return false;
        }
        // Utf8JsonReader applies the machine's local offset to a time without one; the contract says UTC.
        if (reader.TryGetDateTime(out var local) && local.Kind == DateTimeKind.Unspecified)
        {
            value = new DateTimeOffset(local, TimeSpan.Zero);
        }
        return true;
    }
}
