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
        WriteUnsealedHeader(destination, sequence, payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Checksum(destination, payload));
    }

    /// <summary>The length and sequence of a record; <see cref="SealAll"/> adds the CRC before the record is written.</summary>
    public static void WriteUnsealedHeader(Span<byte> destination, long sequence, int payloadLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
    }

    /// <summary>Computes the CRC of every record in <paramref name="records"/> (whole records back to back) in place.</summary>
    public static void SealAll(Span<byte> records)
    {
        var at = 0;
        while (at < records.Length)
        {
            var record = records[at..];
            var length = HeaderLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(record);
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Checksum(record, record.Slice(HeaderLength, length - HeaderLength)));
            at += length;
        }
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
