using System.Buffers.Binary;

namespace AnprExchange.Contracts.Avro;

/// <summary>
/// Wire format of every Kafka value we write (Avro single-object encoding, Avro spec 1.12 "Single-object encoding"):
/// <code>
/// byte 0..1   C3 01                      marker
/// byte 2..9   CRC-64-AVRO fingerprint    of the writer schema's Parsing Canonical Form, little-endian
///                                        (Avro.SchemaNormalization.ParsingFingerprint64)
/// byte 10..   Avro binary body           the record encoded with that writer schema
/// </code>
/// A reader looks the fingerprint up among the schemas it knows (current + schemas/history) and resolves
/// writer schema → its own reader schema. No schema registry is needed. See schemas/README.md.
/// </summary>
public static class SingleObjectEncoding
{
    public const byte Marker0 = 0xC3;
    public const byte Marker1 = 0x01;
    public const int HeaderLength = 10;

    public static void WriteHeader(Span<byte> destination, long fingerprint)
    {
        destination[0] = Marker0;
        destination[1] = Marker1;
        BinaryPrimitives.WriteInt64LittleEndian(destination[2..], fingerprint);
    }

    /// <summary>False when the data is too short or the marker is wrong.</summary>
    public static bool TryReadHeader(ReadOnlySpan<byte> data, out long fingerprint)
    {
        fingerprint = 0;
        if (data.Length < HeaderLength || data[0] != Marker0 || data[1] != Marker1)
        {
            return false;
        }
        fingerprint = BinaryPrimitives.ReadInt64LittleEndian(data[2..]);
        return true;
    }
}
