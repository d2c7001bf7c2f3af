using System.Text.Json;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Json;

/// <summary>The fields of an alert JSON object as they are parsed; throws <see cref="JsonException"/> on a wrong value.</summary>
internal struct AlertFields
{
    private string? _alertId;
    private string? _readId;
    private string? _cameraId;
    private DateTimeOffset? _timestamp;
    private string? _plate;
    private string? _country;
    private double? _lat;
    private double? _lon;
    private string? _direction;
    private List<AlertMatch>? _matches;
    private string? _controlRoom;
    private DateTimeOffset? _raisedAt;
    private DateTimeOffset? _ingestedAt;

    public void ReadProperty(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("alertId"u8))
        {
            _alertId = RequiredString(ref reader, "alertId");
        }
        else if (reader.ValueTextEquals("readId"u8))
        {
            _readId = RequiredString(ref reader, "readId");
        }
        else if (reader.ValueTextEquals("cameraId"u8))
        {
            _cameraId = RequiredString(ref reader, "cameraId");
        }
        else if (reader.ValueTextEquals("timestamp"u8))
        {
            _timestamp = Time(ref reader, "timestamp");
        }
        else if (reader.ValueTextEquals("plate"u8))
        {
            _plate = RequiredString(ref reader, "plate");
        }
        else if (reader.ValueTextEquals("country"u8))
        {
            _country = OptionalString(ref reader, "country");
        }
        else if (reader.ValueTextEquals("lat"u8))
        {
            _lat = OptionalDouble(ref reader, "lat");
        }
        else if (reader.ValueTextEquals("lon"u8))
        {
            _lon = OptionalDouble(ref reader, "lon");
        }
        else if (reader.ValueTextEquals("direction"u8))
        {
            _direction = OptionalString(ref reader, "direction");
        }
        else if (reader.ValueTextEquals("matches"u8))
        {
            _matches = Matches(ref reader);
        }
        else if (reader.ValueTextEquals("controlRoom"u8))
        {
            _controlRoom = OptionalString(ref reader, "controlRoom");
        }
        else if (reader.ValueTextEquals("raisedAt"u8))
        {
            _raisedAt = Time(ref reader, "raisedAt");
        }
        else if (reader.ValueTextEquals("ingestedAt"u8))
        {
            reader.Read();
            _ingestedAt = JsonValue.TryOptionalTime(ref reader, out var time) ? time : throw Wrong("ingestedAt", "is not an ISO 8601 time");
            return;
        }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    public readonly Alert Build()
    {
        var timestamp = _timestamp ?? throw Missing("timestamp");
        return new Alert
        {
            AlertId = _alertId ?? throw Missing("alertId"),
            ReadId = _readId ?? throw Missing("readId"),
            CameraId = _cameraId ?? throw Missing("cameraId"),
            Timestamp = timestamp,
            Plate = _plate ?? throw Missing("plate"),
            Country = _country,
            Lat = _lat,
            Lon = _lon,
            Direction = _direction,
            Matches = _matches ?? throw Missing("matches"),
            ControlRoom = _controlRoom ?? "",
            RaisedAt = _raisedAt ?? timestamp,
            IngestedAt = _ingestedAt,
        };
    }

    private static List<AlertMatch> Matches(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Wrong("matches", "must be an array");
        }
        var matches = new List<AlertMatch>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Wrong("matches", "must hold objects");
            }
            var match = new AlertMatchFields();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                match.ReadProperty(ref reader);
            }
            matches.Add(match.Build(matches.Count));
        }
        return matches;
    }

    internal static string RequiredString(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return JsonValue.TryString(ref reader, out var value) ? value : throw Wrong(field, "must be a string");
    }

    internal static string? OptionalString(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return JsonValue.TryOptionalString(ref reader, out var value) ? value : throw Wrong(field, "must be a string");
    }

    private static double? OptionalDouble(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return JsonValue.TryOptionalDouble(ref reader, out var value) ? value : throw Wrong(field, "must be a number");
    }

    private static DateTimeOffset Time(ref Utf8JsonReader reader, string field)
    {
        reader.Read();
        return JsonTime.TryRead(ref reader, out var value) ? value : throw Wrong(field, "is not an ISO 8601 time");
    }

    internal static JsonException Wrong(string field, string problem) => new($"alert: field '{field}' {problem}");

    internal static JsonException Missing(string field) => new($"alert: missing required field '{field}'");
}
