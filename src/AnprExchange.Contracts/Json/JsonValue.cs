using System.Text.Json;

namespace AnprExchange.Contracts.Json;

/// <summary>Small typed readers for the current token of a <see cref="Utf8JsonReader"/>; false means "wrong type".</summary>
internal static class JsonValue
{
    /// <summary>Strips a UTF-8 byte order mark, which Utf8JsonReader does not accept.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    public static bool TryString(ref Utf8JsonReader reader, out string value)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString()!;
            return true;
        }
        value = "";
        return false;
    }

    public static bool TryOptionalString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }
        var ok = TryString(ref reader, out var text);
        value = text;
        return ok;
    }

    public static bool TryOptionalDouble(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number) && double.IsFinite(number))
        {
            value = number;
            return true;
        }
        return false;
    }

    public static bool TryOptionalTime(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }
        if (JsonTime.TryRead(ref reader, out var time))
        {
            value = time;
            return true;
        }
        return false;
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
