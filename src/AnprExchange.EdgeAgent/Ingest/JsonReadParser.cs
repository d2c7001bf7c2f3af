using System.Text.Json;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The general read parser over <see cref="Utf8JsonReader"/>: any valid JSON (escapes, nested unknown fields,
/// non-ASCII). Strings are unescaped into the scratch buffer. Malformed JSON becomes <see cref="ReadRejection.MalformedJson"/>.
/// </summary>
internal static class JsonReadParser
{
    private static readonly JsonReaderOptions s_options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    public static void Parse(ReadOnlySpan<byte> line, Span<byte> scratch, ref ReadFields fields)
    {
        try
        {
            ParseCore(line, scratch, ref fields);
        }
        catch (JsonException)
        {
            fields.Rejection = ReadRejection.MalformedJson;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or a lone surrogate inside a string, found while copying it.
            fields.Rejection = ReadRejection.MalformedJson;
        }
    }

    private static void ParseCore(ReadOnlySpan<byte> line, Span<byte> scratch, ref ReadFields fields)
    {
        var reader = new Utf8JsonReader(line, s_options);
        if (!reader.Read())
        {
            fields.Rejection = ReadRejection.MalformedJson;
            return;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            fields.Rejection = ReadRejection.NotAnObject;
            return;
        }

        var used = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Identify(ref reader);
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }
            switch (field)
            {
                case ReadField.ReadId or ReadField.CameraId or ReadField.Plate or ReadField.Country or ReadField.Direction:
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        fields.Keep(ReadRejection.InvalidField);
                        reader.Skip();
                        break;
                    }
                    var length = reader.ValueIsEscaped ? reader.CopyString(scratch[used..]) : Copy(reader.ValueSpan, scratch[used..]);
                    fields.SetString(field, scratch.Slice(used, length));
                    used += length;
                    break;
                case ReadField.Timestamp:
                    fields.HasTimestamp = true;
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        fields.Keep(ReadRejection.InvalidTimestamp);
                        reader.Skip();
                    }
                    else if (reader.TryGetDateTimeOffset(out var timestamp))
                    {
                        fields.SetTimestamp(timestamp);
                    }
                    else
                    {
                        fields.Keep(ReadRejection.InvalidTimestamp);
                    }
                    break;
                case ReadField.Confidence or ReadField.Lat or ReadField.Lon:
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out var value))
                    {
                        fields.Keep(ReadRejection.InvalidField);
                        reader.Skip();
                        break;
                    }
                    fields.SetNumber(field, value);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            fields.Rejection = ReadRejection.MalformedJson;
        }
    }

    private static int Copy(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        value.CopyTo(destination);
        return value.Length;
    }

    private static ReadField Identify(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return ReadFieldNames.Identify(reader.ValueSpan);
        }
        Span<byte> unescaped = stackalloc byte[16];
        return reader.ValueSpan.Length > unescaped.Length ? ReadField.Other : ReadFieldNames.Identify(unescaped[..reader.CopyString(unescaped)]);
    }
}
