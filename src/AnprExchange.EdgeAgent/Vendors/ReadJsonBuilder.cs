using System.Buffers;
using System.Text.Json;

namespace AnprExchange.EdgeAgent.Vendors;

/// <summary>Writes a read in our JSON (design.md) from mapped vendor fields; absent values are left out.</summary>
public static class ReadJsonBuilder
{
    public static byte[] Build(string? readId, string? cameraId, DateTimeOffset? timestamp, string? plate,
        string? country = null, double? confidence = null, double? lat = null, double? lon = null, string? direction = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteString(writer, "readId", readId);
            WriteString(writer, "cameraId", cameraId);
            if (timestamp is { } t)
            {
                writer.WriteString("timestamp", t);
            }
            WriteString(writer, "plate", plate);
            WriteString(writer, "country", country);
            WriteNumber(writer, "confidence", confidence);
            WriteNumber(writer, "lat", lat);
            WriteNumber(writer, "lon", lon);
            WriteString(writer, "direction", direction);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
    }
}
