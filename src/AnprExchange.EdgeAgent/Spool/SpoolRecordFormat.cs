using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

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
            // Four records at a time: their CRC chains are independent, so the CPU overlaps them (crc32 takes three
            // cycles before its result can be used, but a new one can start every cycle).
            int first = at, second = Next(records, first), third = Next(records, second), fourth = Next(records, third);
            at = Next(records, fourth);
            if (at <= records.Length)
            {
                SealFour(records[first..second], records[second..third], records[third..fourth], records[fourth..at]);
                continue;
            }
            at = first;
            while (at < records.Length)
            {
                var next = Next(records, at);
                Seal(records[at..next]);
                at = next;
            }
        }
    }

    /// <summary>Where the record after the one at <paramref name="at"/> starts; past the end when there is none.</summary>
    private static int Next(ReadOnlySpan<byte> records, int at) =>
        at >= records.Length ? records.Length + 1 : at + HeaderLength + (int)BinaryPrimitives.ReadUInt32LittleEndian(records[at..]);

    private static void Seal(Span<byte> record) =>
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Checksum(record, record[HeaderLength..]));

    private static void SealFour(Span<byte> a, Span<byte> b, Span<byte> c, Span<byte> d)
    {
        uint crcA = Start(a), crcB = Start(b), crcC = Start(c), crcD = Start(d);
        var wordsA = MemoryMarshal.Cast<byte, ulong>(a[HeaderLength..]);
        var wordsB = MemoryMarshal.Cast<byte, ulong>(b[HeaderLength..]);
        var wordsC = MemoryMarshal.Cast<byte, ulong>(c[HeaderLength..]);
        var wordsD = MemoryMarshal.Cast<byte, ulong>(d[HeaderLength..]);
        var common = Math.Min(Math.Min(wordsA.Length, wordsB.Length), Math.Min(wordsC.Length, wordsD.Length));
        for (var i = 0; i < common; i++)
        {
            crcA = BitOperations.Crc32C(crcA, wordsA[i]);
            crcB = BitOperations.Crc32C(crcB, wordsB[i]);
            crcC = BitOperations.Crc32C(crcC, wordsC[i]);
            crcD = BitOperations.Crc32C(crcD, wordsD[i]);
        }
        var done = HeaderLength + (common * sizeof(ulong));
        BinaryPrimitives.WriteUInt32LittleEndian(a[4..], Crc32C.Finish(Crc32C.Append(crcA, a[done..])));
        BinaryPrimitives.WriteUInt32LittleEndian(b[4..], Crc32C.Finish(Crc32C.Append(crcB, b[done..])));
        BinaryPrimitives.WriteUInt32LittleEndian(c[4..], Crc32C.Finish(Crc32C.Append(crcC, c[done..])));
        BinaryPrimitives.WriteUInt32LittleEndian(d[4..], Crc32C.Finish(Crc32C.Append(crcD, d[done..])));
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

    private static uint Checksum(ReadOnlySpan<byte> header, ReadOnlySpan<byte> payload) => Crc32C.Finish(Crc32C.Append(Start(header), payload));

    /// <summary>The CRC over the length and the sequence, as one 4-byte and one 8-byte step: the same as over their bytes.</summary>
    private static uint Start(ReadOnlySpan<byte> header) =>
        BitOperations.Crc32C(BitOperations.Crc32C(Crc32C.Seed, BinaryPrimitives.ReadUInt32LittleEndian(header)), BinaryPrimitives.ReadUInt64LittleEndian(header[8..]));
}
