using System.Text;
using System.Text.Json;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Json;

/// <summary>
/// The alert JSON of design.md, one object per line in `anpr match --out` files and on the control room's feed:
/// <c>{"alertId":"…","readId":"…","cameraId":"…","timestamp":"…","plate":"1ABC123","matches":[{"entryId":"…",
/// "sourceCountry":"NL","list":"…","category":"stolen_vehicle","action":"stop","priority":1,"matchKind":"exact",
/// "reference":"…"}]}</c>. Extra fields, each left out when it has no value: country, lat, lon, direction, controlRoom
/// (when not empty), raisedAt, ingestedAt, and per match covert (only when true); reference is null when absent.
/// </summary>
public static class AlertJson
{
    public static void Write(Utf8JsonWriter writer, Alert alert)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(alert);
        writer.WriteStartObject();
        writer.WriteString("alertId"u8, alert.AlertId);
        writer.WriteString("readId"u8, alert.ReadId);
        writer.WriteString("cameraId"u8, alert.CameraId);
        JsonTime.Write(writer, "timestamp"u8, alert.Timestamp);
        writer.WriteString("plate"u8, alert.Plate);
        if (alert.Country is not null)
        {
            writer.WriteString("country"u8, alert.Country);
        }
        if (alert.Lat is { } lat && double.IsFinite(lat))
        {
            writer.WriteNumber("lat"u8, lat);
        }
        if (alert.Lon is { } lon && double.IsFinite(lon))
        {
            writer.WriteNumber("lon"u8, lon);
        }
        if (alert.Direction is not null)
        {
            writer.WriteString("direction"u8, alert.Direction);
        }
        writer.WriteStartArray("matches"u8);
        foreach (var match in alert.Matches)
        {
            WriteMatch(writer, match);
        }
        writer.WriteEndArray();
        if (alert.ControlRoom.Length > 0)
        {
            writer.WriteString("controlRoom"u8, alert.ControlRoom);
        }
        JsonTime.Write(writer, "raisedAt"u8, alert.RaisedAt);
        if (alert.IngestedAt is { } ingestedAt)
        {
            JsonTime.Write(writer, "ingestedAt"u8, ingestedAt);
        }
        writer.WriteEndObject();
    }

    private static void WriteMatch(Utf8JsonWriter writer, AlertMatch match)
    {
        writer.WriteStartObject();
        writer.WriteString("entryId"u8, match.EntryId);
        writer.WriteString("sourceCountry"u8, match.SourceCountry);
        writer.WriteString("list"u8, match.List);
        writer.WriteString("category"u8, match.Category.ToWire());
        writer.WriteString("action"u8, match.Action.ToWire());
        writer.WriteNumber("priority"u8, match.Priority);
        writer.WriteString("matchKind"u8, match.MatchKind.ToWire());
        writer.WriteString("reference"u8, match.Reference);
        if (match.Covert)
        {
            writer.WriteBoolean("covert"u8, true);
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// Parses one alert written by <see cref="Write"/> (or by hand in the design.md shape). Throws
    /// <see cref="JsonException"/> saying what is wrong. A missing raisedAt is taken as the read's timestamp.
    /// </summary>
    public static Alert Parse(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return ParseObject(utf8);
        }
        catch (InvalidOperationException ex) when (ex.InnerException is DecoderFallbackException)
        {
            throw new JsonException("alert: a string is not valid UTF-8", ex);
        }
    }

    private static Alert ParseObject(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(JsonValue.WithoutBom(utf8));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("alert: expected a JSON object");
        }
        var fields = new AlertFields();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            fields.ReadProperty(ref reader);
        }
        while (reader.Read())
        {
        }
        return fields.Build();
    }
}
