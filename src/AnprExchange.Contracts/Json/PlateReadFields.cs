using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Json;

/// <summary>The fields of a read JSON object as they are parsed, before the required ones are checked.</summary>
internal struct PlateReadFields
{
    private string? _readId;
    private string? _cameraId;
    private DateTimeOffset? _timestamp;
    private string? _plate;
    private string? _country;
    private double? _confidence;
    private double? _lat;
    private double? _lon;
    private string? _direction;
    private DateTimeOffset? _ingestedAt;

    /// <summary>Reader is on a property name; reads its value (skipping unknown properties).</summary>
    public bool TryReadProperty(ref Utf8JsonReader reader, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (reader.ValueTextEquals("readId"u8))
        {
            reader.Read();
            return JsonValue.TryOptionalString(ref reader, out _readId) || Fail("readId", "must be a string", out error);
        }
        if (reader.ValueTextEquals("cameraId"u8))
        {
            reader.Read();
            return (JsonValue.TryString(ref reader, out var text) || Fail("cameraId", "must be a string", out error))
                && (text.Length > 0 || Fail("cameraId", "must not be empty", out error))
                && Assign(out _cameraId, text);
        }
        if (reader.ValueTextEquals("timestamp"u8))
        {
            reader.Read();
            var ok = JsonTime.TryRead(ref reader, out var time) || Fail("timestamp", "is not an ISO 8601 time", out error);
            _timestamp = ok ? time : null;
            return ok;
        }
        if (reader.ValueTextEquals("plate"u8))
        {
            reader.Read();
            return (JsonValue.TryString(ref reader, out var text) || Fail("plate", "must be a string", out error))
                && (text.Length > 0 || Fail("plate", "must not be empty", out error))
                && Assign(out _plate, text);
        }
        if (reader.ValueTextEquals("country"u8))
        {
            reader.Read();
            return JsonValue.TryOptionalString(ref reader, out _country) || Fail("country", "must be a string", out error);
        }
        if (reader.ValueTextEquals("confidence"u8))
        {
            reader.Read();
            return JsonValue.TryOptionalDouble(ref reader, out _confidence) || Fail("confidence", "must be a number", out error);
        }
        if (reader.ValueTextEquals("lat"u8))
        {
            reader.Read();
            return (JsonValue.TryOptionalDouble(ref reader, out _lat) || Fail("lat", "must be a number", out error))
                && (_lat is null or (>= -90 and <= 90) || Fail("lat", "must be between -90 and 90", out error));
        }
        if (reader.ValueTextEquals("lon"u8))
        {
            reader.Read();
            return (JsonValue.TryOptionalDouble(ref reader, out _lon) || Fail("lon", "must be a number", out error))
                && (_lon is null or (>= -180 and <= 180) || Fail("lon", "must be between -180 and 180", out error));
        }
        if (reader.ValueTextEquals("direction"u8))
        {
            reader.Read();
            return JsonValue.TryOptionalString(ref reader, out _direction) || Fail("direction", "must be a string", out error);
        }
        if (reader.ValueTextEquals("ingestedAt"u8))
        {
            reader.Read();
            return JsonValue.TryOptionalTime(ref reader, out _ingestedAt) || Fail("ingestedAt", "is not an ISO 8601 time", out error);
        }
        reader.Read();
        reader.Skip();
        return true;
    }

    public readonly bool TryBuild([NotNullWhen(true)] out PlateRead? read, [NotNullWhen(false)] out string? error)
    {
        read = null;
        if (_cameraId is null)
        {
            return Missing("cameraId", out error);
        }
        if (_timestamp is null)
        {
            return Missing("timestamp", out error);
        }
        if (_plate is null)
        {
            return Missing("plate", out error);
        }
        read = new PlateRead
        {
            ReadId = _readId ?? "",
            CameraId = _cameraId,
            Timestamp = _timestamp.Value,
            Plate = _plate,
            Country = _country,
            Confidence = _confidence,
            Lat = _lat,
            Lon = _lon,
            Direction = _direction,
            IngestedAt = _ingestedAt,
        };
        error = null;
        return true;
    }

    private static bool Assign(out string? field, string value)
    {
        field = value;
        return true;
    }

    private static bool Fail(string field, string problem, out string error)
    {
        error = $"field '{field}' {problem}";
        return false;
    }

    private static bool Missing(string field, out string error)
    {
        error = $"missing required field '{field}'";
        return false;
    }
}
