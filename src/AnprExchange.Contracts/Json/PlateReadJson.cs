using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Json;

/// <summary>
/// The read JSON of design.md, one object per line:
/// <c>{"readId":"cam-17:42","cameraId":"cam-17","timestamp":"2026-12-04T10:15:30.123Z","plate":"1-ABC-123",
/// "country":"BE","confidence":0.93,"lat":51.2,"lon":4.4,"direction":"in"}</c>.
/// cameraId, timestamp and plate are required; readId is optional (absent → ""), as are the others;
/// unknown properties are ignored. ingestedAt (ISO 8601) is read and written too when present. Numbers that are
/// not finite (possible in Avro data, not in JSON) are left out when writing.
/// </summary>
public static class PlateReadJson
{
    /// <summary>Parses one read; on failure <paramref name="error"/> says what is wrong, in words fit for a log line.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Line, [NotNullWhen(true)] out PlateRead? read, [NotNullWhen(false)] out string? error)
    {
        read = null;
        try
        {
            return TryParseObject(JsonValue.WithoutBom(utf8Line), out read, out error);
        }
        catch (JsonException ex)
        {
            error = "not valid JSON: " + ex.Message;
            return false;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
        {
            error = "not valid JSON: a string is not valid UTF-8";
            return false;
        }
    }

    private static bool TryParseObject(ReadOnlySpan<byte> utf8, out PlateRead? read, [NotNullWhen(false)] out string? error)
    {
        read = null;
        if (utf8.TrimStart(" \t\r\n"u8).IsEmpty)
        {
            error = "empty input, expected a JSON object";
            return false;
        }
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            error = $"expected a JSON object, found {JsonValue.Describe(reader.TokenType)}";
            return false;
        }

        var fields = new PlateReadFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!fields.TryReadProperty(ref reader, out error))
            {
                return false;
            }
        }
        // Anything after the object (other than whitespace) makes Read() throw a JsonException.
        while (reader.Read())
        {
        }
        return fields.TryBuild(out read, out error);
    }

    /// <summary>Writes one read as a JSON object (no trailing newline).</summary>
    public static void Write(Utf8JsonWriter writer, PlateRead read)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(read);
        writer.WriteStartObject();
        writer.WriteString("readId"u8, read.ReadId);
        writer.WriteString("cameraId"u8, read.CameraId);
        JsonTime.Write(writer, "timestamp"u8, read.Timestamp);
        writer.WriteString("plate"u8, read.Plate);
        if (read.Country is not null)
        {
            writer.WriteString("country"u8, read.Country);
        }
        if (read.Confidence is { } confidence && double.IsFinite(confidence))
        {
            writer.WriteNumber("confidence"u8, confidence);
        }
        if (read.Lat is { } lat && double.IsFinite(lat))
        {
            writer.WriteNumber("lat"u8, lat);
        }
        if (read.Lon is { } lon && double.IsFinite(lon))
        {
            writer.WriteNumber("lon"u8, lon);
        }
        if (read.Direction is not null)
        {
            writer.WriteString("direction"u8, read.Direction);
        }
        if (read.IngestedAt is { } ingestedAt)
        {
            JsonTime.Write(writer, "ingestedAt"u8, ingestedAt);
        }
        writer.WriteEndObject();
    }
}
