using System.Buffers.Binary;
using System.Numerics;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// One record in a segment file: [u32 payload length][u32 CRC-32C of length+sequence+payload][u64 sequence][payload],
/// little-endian, back to back. A record whose length, CRC or sequence does not check out ends the segment (torn tail).
/// </summary>
public static class SpoolRecordFormat
{
    public const int HeaderLength = 16;
    public const int MaxPayloadLength = 64 * 1024;

    public static void WriteHeader(Span<byte> destination, long sequence, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Checksum(destination, payload));
    }

    /// <summary>Payload length from a header, or -1 if it cannot be a record.</summary>
    public static int PayloadLength(ReadOnlySpan<byte> header)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        return length is 0 or > MaxPayloadLength ? -1 : (int)length;
    }

    public static long Sequence(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt64LittleEndian(header[8..]);

    public static bool IsIntact(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) =>
        BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) == Checksum(header, payload);

    private static uint Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload)
    {
        // The length and the sequence as one 4-byte and one 8-byte step: the same CRC as over their bytes.
        var crc = BitOperations.Crc32C(Crc32C.Seed, BinaryPrimitives.ReadUInt32LittleEndian(header));
        crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(header[8..]));
        return Crc32C.Finish(Crc32C.Append(crc, payload));
    }
}
