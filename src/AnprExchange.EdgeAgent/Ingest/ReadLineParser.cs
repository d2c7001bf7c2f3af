using System.Text.Json;
using AnprExchange.Core.Plates;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// Parses one read line (design.md read JSON) straight into its spool bytes (<see cref="SpooledRead"/>): no
/// strings, no records, no allocation. Every failure is a typed <see cref="ReadRejection"/>, never an exception.
/// </summary>
public static class ReadLineParser
{
    public const int MaxReadIdBytes = 128;
    public const int MaxCameraIdBytes = 64;
    public const int MaxShortFieldBytes = 32;
    private const int MaxPlateBytes = 64;

    private static readonly JsonReaderOptions s_options = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Size of the scratch buffer the parser needs for a line of <paramref name="lineLength"/> bytes.</summary>
    public static int ScratchLength(int lineLength) => lineLength;

    /// <summary>Size of the payload buffer the parser needs for a line of <paramref name="lineLength"/> bytes.</summary>
    public static int PayloadLength(int lineLength) => SpooledRead.MaxLength(lineLength + MaxCameraIdBytes + 64);

    /// <summary>
    /// Parses <paramref name="line"/> (without its newline). Unescaped strings go to <paramref name="scratch"/>; on
    /// success the spool record is in <paramref name="payload"/>[..<paramref name="payloadLength"/>].
    /// </summary>
    public static ReadRejection Parse(ReadOnlySpan<byte> line, Span<byte> scratch, Span<byte> payload, in ReadParseContext context, out int payloadLength)
    {
        payloadLength = 0;
        try
        {
            return ParseCore(line, scratch, payload, context, ref payloadLength);
        }
        catch (JsonException)
        {
            return ReadRejection.MalformedJson;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 or a surrogate inside a string, found while copying it.
            return ReadRejection.MalformedJson;
        }
    }

    private static ReadRejection ParseCore(ReadOnlySpan<byte> line, Span<byte> scratch, Span<byte> payload, in ReadParseContext context, ref int payloadLength)
    {
        var reader = new Utf8JsonReader(line, s_options);
        if (!reader.Read())
        {
            return ReadRejection.MalformedJson;
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return ReadRejection.NotAnObject;
        }

        var used = 0;
        Range readId = default, cameraId = default, plate = default, country = default, direction = default;
        bool hasReadId = false, hasCameraId = false, hasPlate = false, hasTimestamp = false;
        var fields = SpooledRead.Fields.None;
        DateTimeOffset timestamp = default;
        double confidence = 0, lat = 0, lon = 0;
        var rejection = ReadRejection.None;

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
                case Field.ReadId:
                    hasReadId = CopyString(ref reader, scratch, ref used, out readId, ref rejection);
                    break;
                case Field.CameraId:
                    hasCameraId = CopyString(ref reader, scratch, ref used, out cameraId, ref rejection);
                    break;
                case Field.Plate:
                    hasPlate = CopyString(ref reader, scratch, ref used, out plate, ref rejection);
                    break;
                case Field.Country:
                    if (CopyString(ref reader, scratch, ref used, out country, ref rejection))
                    {
                        fields |= SpooledRead.Fields.Country;
                    }
                    break;
                case Field.Direction:
                    if (CopyString(ref reader, scratch, ref used, out direction, ref rejection))
                    {
                        fields |= SpooledRead.Fields.Direction;
                    }
                    break;
                case Field.Timestamp:
                    hasTimestamp = true;
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        Keep(ref rejection, ReadRejection.InvalidTimestamp);
                        reader.Skip();
                    }
                    else if (!reader.TryGetDateTimeOffset(out timestamp))
                    {
                        Keep(ref rejection, ReadRejection.InvalidTimestamp);
                    }
                    break;
                case Field.Confidence:
                    ReadNumber(ref reader, 0, 1, SpooledRead.Fields.Confidence, ref fields, out confidence, ref rejection);
                    break;
                case Field.Lat:
                    ReadNumber(ref reader, -90, 90, SpooledRead.Fields.Lat, ref fields, out lat, ref rejection);
                    break;
                case Field.Lon:
                    ReadNumber(ref reader, -180, 180, SpooledRead.Fields.Lon, ref fields, out lon, ref rejection);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return ReadRejection.MalformedJson;
        }
        if (rejection != ReadRejection.None)
        {
            return rejection;
        }

        ReadOnlySpan<byte> camera = hasCameraId ? scratch[cameraId] : default;
        if (camera.IsEmpty)
        {
            return ReadRejection.MissingCameraId;
        }
        if (camera.Length > MaxCameraIdBytes)
        {
            return ReadRejection.CameraIdTooLong;
        }
        if (!hasPlate)
        {
            return ReadRejection.MissingPlate;
        }
        var plateBytes = scratch[plate];
        if (plateBytes.Length > MaxPlateBytes)
        {
            return ReadRejection.PlateTooLong;
        }
        Span<byte> normalized = stackalloc byte[PlateNormalizer.MaxLength];
        switch (PlateNormalizer.Normalize(plateBytes, normalized, out _))
        {
            case PlateStatus.Valid:
                break;
            case PlateStatus.Empty:
                return ReadRejection.PlateEmpty;
            case PlateStatus.TooLong:
                return ReadRejection.PlateTooLong;
            default:
                return ReadRejection.PlateInvalidCharacter;
        }
        if (!hasTimestamp)
        {
            return ReadRejection.MissingTimestamp;
        }
        if (timestamp - context.Now > context.MaxFutureSkew)
        {
            return ReadRejection.TimestampInFuture;
        }
        if (hasReadId && readId.GetOffsetAndLength(scratch.Length).Length > MaxReadIdBytes)
        {
            return ReadRejection.ReadIdTooLong;
        }
        if (scratch[country].Length > MaxShortFieldBytes || scratch[direction].Length > MaxShortFieldBytes)
        {
            return ReadRejection.FieldTooLong;
        }

        SpooledRead.WriteHead(payload, fields, timestamp, context.Now, confidence, lat, lon);
        var at = SpooledRead.HeadLength;
        if (hasReadId && !scratch[readId].IsEmpty)
        {
            at = SpooledRead.WriteString(payload, at, scratch[readId]);
        }
        else
        {
            var length = context.Ids.Write(camera, payload[(at + sizeof(ushort))..]);
            at = SpooledRead.WriteString(payload, at, payload.Slice(at + sizeof(ushort), length));
        }
        at = SpooledRead.WriteString(payload, at, camera);
        at = SpooledRead.WriteString(payload, at, plateBytes);
        at = SpooledRead.WriteString(payload, at, scratch[country]);
        at = SpooledRead.WriteString(payload, at, scratch[direction]);
        payloadLength = at;
        return ReadRejection.None;
    }

    private static bool CopyString(ref Utf8JsonReader reader, Span<byte> scratch, ref int used, out Range range, ref ReadRejection rejection)
    {
        range = default;
        if (reader.TokenType != JsonTokenType.String)
        {
            Keep(ref rejection, ReadRejection.InvalidField);
            reader.Skip();
            return false;
        }
        var length = reader.ValueIsEscaped ? reader.CopyString(scratch[used..]) : Copy(reader.ValueSpan, scratch[used..]);
        range = new Range(used, used + length);
        used += length;
        return true;
    }

    private static int Copy(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        value.CopyTo(destination);
        return value.Length;
    }

    private static void ReadNumber(ref Utf8JsonReader reader, double min, double max, SpooledRead.Fields flag, ref SpooledRead.Fields fields, out double value, ref ReadRejection rejection)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetDouble(out value) || value < min || value > max)
        {
            Keep(ref rejection, ReadRejection.InvalidField);
            reader.Skip();
            return;
        }
        fields |= flag;
    }

    private static void Keep(ref ReadRejection rejection, ReadRejection value)
    {
        if (rejection == ReadRejection.None)
        {
            rejection = value;
        }
    }

    private enum Field
    {
        Other,
        ReadId,
        CameraId,
        Timestamp,
        Plate,
        Country,
        Confidence,
        Lat,
        Lon,
        Direction,
    }

    private static Field Identify(ref Utf8JsonReader reader)
    {
        Span<byte> unescaped = stackalloc byte[16];
        scoped ReadOnlySpan<byte> name;
        if (reader.ValueIsEscaped)
        {
            if (reader.ValueSpan.Length > unescaped.Length)
            {
                return Field.Other;
            }
            name = unescaped[..reader.CopyString(unescaped)];
        }
        else
        {
            name = reader.ValueSpan;
        }
        return name.Length switch
        {
            3 when name.SequenceEqual("lat"u8) => Field.Lat,
            3 when name.SequenceEqual("lon"u8) => Field.Lon,
            5 when name.SequenceEqual("plate"u8) => Field.Plate,
            6 when name.SequenceEqual("readId"u8) => Field.ReadId,
            7 when name.SequenceEqual("country"u8) => Field.Country,
            8 when name.SequenceEqual("cameraId"u8) => Field.CameraId,
            9 when name.SequenceEqual("timestamp"u8) => Field.Timestamp,
            9 when name.SequenceEqual("direction"u8) => Field.Direction,
            10 when name.SequenceEqual("confidence"u8) => Field.Confidence,
            _ => Field.Other,
        };
    }
}
