using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// One bit per byte of a line, set where a fast-path JSON string must stop: a quote, a backslash, a control byte
/// (below 0x20), DEL, or any non-ASCII byte. 64 bytes per ulong, bit i of word w is byte 64w + i; bits past the end
/// of the line are clear. A second map marks the quotes alone, so a scanner can tell which stop it met without reading
/// the line again. Built with 512-, 256- or 128-bit vectors, whichever the CPU runs natively.
/// </summary>
internal static class StopBits
{
    /// <summary>
    /// Marks <paramref name="line"/> into <paramref name="stops"/> and <paramref name="quotes"/> (one ulong per 64
    /// bytes, both at least that long); returns the number of words used.
    /// </summary>
    public static int Mark(ReadOnlySpan<byte> line, Span<ulong> stops, Span<ulong> quotes)
    {
        var words = (line.Length + 63) >> 6;
        if (words == 0)
        {
            return 0;
        }
        stops = stops[..words];
        quotes = quotes[..words];
        ref var start = ref MemoryMarshal.GetReference(line);
        var full = line.Length >> 6;
        for (var w = 0; w < full; w++)
        {
            stops[w] = Block(ref Unsafe.Add(ref start, w * 64), out quotes[w]);
        }
        var tail = line.Length & 63;
        if (tail != 0)
        {
            if (line.Length >= 64)
            {
                // The last 64 bytes of the line, shifted so that bit 0 is the first byte of the partial block.
                stops[full] = Block(ref Unsafe.Add(ref start, line.Length - 64), out var quoted) >> (64 - tail);
                quotes[full] = quoted >> (64 - tail);
            }
            else
            {
                stops[full] = MarkShort(line, out quotes[full]);
            }
        }
        return words;
    }

    /// <summary>A line under 64 bytes, through a padded copy (kept apart from Mark's loop, see FlatReadScanner.Scan).</summary>
    [SkipLocalsInit]
    private static ulong MarkShort(ReadOnlySpan<byte> line, out ulong quotes)
    {
        Span<byte> padded = stackalloc byte[64];
        line.CopyTo(padded);
        var valid = (1UL << line.Length) - 1;
        var stops = Block(ref MemoryMarshal.GetReference(padded), out quotes) & valid;
        quotes &= valid;
        return stops;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Block(ref byte at, out ulong quotes)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var block = Vector512.LoadUnsafe(ref at);
            var quote = Vector512.Equals(block, Vector512.Create((byte)'"'));
            quotes = quote.ExtractMostSignificantBits();
            return (quote | OtherStops(block)).ExtractMostSignificantBits();
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var low = Vector256.LoadUnsafe(ref at);
            var high = Vector256.LoadUnsafe(ref at, 32);
            var lowQuote = Vector256.Equals(low, Vector256.Create((byte)'"'));
            var highQuote = Vector256.Equals(high, Vector256.Create((byte)'"'));
            quotes = lowQuote.ExtractMostSignificantBits() | ((ulong)highQuote.ExtractMostSignificantBits() << 32);
            return (lowQuote | OtherStops(low)).ExtractMostSignificantBits() | ((ulong)(highQuote | OtherStops(high)).ExtractMostSignificantBits() << 32);
        }
        quotes = 0;
        ulong stops = 0;
        for (var i = 0; i < 64; i += 16)
        {
            var block = Vector128.LoadUnsafe(ref at, (nuint)i);
            var quote = Vector128.Equals(block, Vector128.Create((byte)'"'));
            quotes |= (ulong)quote.ExtractMostSignificantBits() << i;
            stops |= (ulong)(quote | OtherStops(block)).ExtractMostSignificantBits() << i;
        }
        return stops;
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
