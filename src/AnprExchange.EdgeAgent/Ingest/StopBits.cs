using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// One bit per quote of a line, 64 bytes per ulong (bit i of word w is byte 64w + i; bits past the end of the line are
/// clear), and whether the line holds any other byte that would stop a fast-path JSON string: a backslash, a control
/// byte (below 0x20), DEL, or any non-ASCII byte. A line without those has only escape-free ASCII strings, so its
/// quotes pair up in order: a scanner finds every string's end by taking the next bit, never reading the string.
/// Built with 512-, 256- or 128-bit vectors, whichever the CPU runs natively.
/// </summary>
internal static class StopBits
{
    /// <summary>
    /// Marks the quotes of <paramref name="line"/> into <paramref name="quotes"/> (one ulong per 64 bytes, at least
    /// that long); returns the number of words used, or -1 if the line holds any other stop byte.
    /// </summary>
    public static int MarkQuotes(ReadOnlySpan<byte> line, Span<ulong> quotes)
    {
        var words = (line.Length + 63) >> 6;
        if (words == 0)
        {
            return 0;
        }
        quotes = quotes[..words];
        ref var start = ref MemoryMarshal.GetReference(line);
        var full = line.Length >> 6;
        ulong others = 0;
        for (var w = 0; w < full; w++)
        {
            others |= Block(ref Unsafe.Add(ref start, w * 64), out quotes[w]);
        }
        var tail = line.Length & 63;
        if (tail != 0)
        {
            if (line.Length >= 64)
            {
                // The last 64 bytes of the line: all of them are the line's, so their other stops count as they are;
                // the quotes are shifted so that bit 0 is the first byte of the partial block.
                others |= Block(ref Unsafe.Add(ref start, line.Length - 64), out var quoted);
                quotes[full] = quoted >> (64 - tail);
            }
            else
            {
                others |= MarkShort(line, out quotes[full]);
            }
        }
        return others == 0 ? words : -1;
    }

    /// <summary>A line under 64 bytes, through a padded copy (kept apart from the loop, see FlatReadScanner.Scan).</summary>
    [SkipLocalsInit]
    private static ulong MarkShort(ReadOnlySpan<byte> line, out ulong quotes)
    {
        Span<byte> padded = stackalloc byte[64];
        line.CopyTo(padded);
        var valid = (1UL << line.Length) - 1;
        var others = Block(ref MemoryMarshal.GetReference(padded), out quotes) & valid;
        quotes &= valid;
        return others;
    }

    /// <summary>The quotes of 64 bytes into <paramref name="quotes"/>; returns their other stop bytes, bit per byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Block(ref byte at, out ulong quotes)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var block = Vector512.LoadUnsafe(ref at);
            quotes = Vector512.Equals(block, Vector512.Create((byte)'"')).ExtractMostSignificantBits();
            return OtherStops(block).ExtractMostSignificantBits();
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.LoadUnsafe(ref at);
            var high = Vector256.LoadUnsafe(ref at, 32);
            quotes = Vector256.Equals(low, Vector256.Create((byte)'"')).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(high, Vector256.Create((byte)'"')).ExtractMostSignificantBits() << 32);
            return OtherStops(low).ExtractMostSignificantBits() | ((ulong)OtherStops(high).ExtractMostSignificantBits() << 32);
        }
        quotes = 0;
        ulong others = 0;
        for (var i = 0; i < 64; i += 16)
        {
            var block = Vector128.LoadUnsafe(ref at, (nuint)i);
            quotes |= (ulong)Vector128.Equals(block, Vector128.Create((byte)'"')).ExtractMostSignificantBits() << i;
            others |= (ulong)OtherStops(block).ExtractMostSignificantBits() << i;
        }
        return others;
    }

    // Stops besides the quote: a byte below 0x20 or above 0x7E is negative or small as sbyte; backslash and DEL exactly.
    private static Vector512<byte> OtherStops(Vector512<byte> block) =>
        Vector512.Equals(block, Vector512.Create((byte)'\\'))
        | Vector512.Equals(block, Vector512.Create((byte)0x7F))
        | Vector512.LessThan(block.AsSByte(), Vector512.Create((sbyte)0x20)).AsByte();

    private static Vector256<byte> OtherStops(Vector256<byte> block) =>
        Vector256.Equals(block, Vector256.Create((byte)'\\'))
        | Vector256.Equals(block, Vector256.Create((byte)0x7F))
        | Vector256.LessThan(block.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte();

    private static Vector128<byte> OtherStops(Vector128<byte> block) =>
        Vector128.Equals(block, Vector128.Create((byte)'\\'))
        | Vector128.Equals(block, Vector128.Create((byte)0x7F))
        | Vector128.LessThan(block.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte();
}
