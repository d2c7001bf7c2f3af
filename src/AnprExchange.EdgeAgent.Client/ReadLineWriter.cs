using System.Buffers;
using System.Text.Json;

namespace AnprExchange.EdgeAgent.Client;

/// <summary>A read as one JSON line (with its newline), the agent's TCP wire format.</summary>
internal static class ReadLineWriter
{
    public static byte[] ToLine(CameraRead read, string readId)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("readId"u8, readId);
            writer.WriteString("cameraId"u8, read.CameraId);
            writer.WriteString("timestamp"u8, read.Timestamp);
            writer.WriteString("plate"u8, read.Plate);
            if (read.Country is not null)
            {
                writer.WriteString("country"u8, read.Country);
            }
            WriteNumber(writer, "confidence"u8, read.Confidence);
            WriteNumber(writer, "lat"u8, read.Lat);
            WriteNumber(writer, "lon"u8, read.Lon);
            if (read.Direction is not null)
            {
                writer.WriteString("direction"u8, read.Direction);
            }
            writer.WriteEndObject();
        }
        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
    }
}
