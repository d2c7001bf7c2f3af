using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// JSON numbers for the fast path. The form cameras send, <c>-?(0|[1-9]d{0,6})(.d{1,7})?</c>, is read eight bytes at
/// a time (SWAR: the digit run's length from one mask, its value from three multiplications) into a mantissa and a
/// count of decimals, divided only when the record is written; anything else (longer runs, exponents, a number near
/// the end of the line) goes through the byte-by-byte reader, which converts simple decimals exactly and the rest
/// with Utf8Parser. Both give the same double for the same text.
/// </summary>
internal static class JsonNumber
{
    /// <summary>
    /// The common short form at <paramref name="at"/>, with eight bytes readable at each digit run: its value is
    /// ±<paramref name="mantissa"/> / 10^<paramref name="decimals"/> (at most 14 digits, 7 decimals, so that one IEEE
    /// division of the two gives the correctly rounded double, the one <see cref="ParseExact"/> computes). False for
    /// anything else, which <see cref="ParseExact"/> reads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseShort(ReadOnlySpan<byte> line, int at, out long mantissa, out int decimals, out bool negative, out int end)
    {
        mantissa = 0;
        decimals = 0;
        end = 0;
        ref var start = ref MemoryMarshal.GetReference(line);
        negative = line[at] == (byte)'-';
        var i = negative ? at + 1 : at;
        if (i + sizeof(ulong) > line.Length)
        {
            return false;
        }
        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i));
        var count = LeadingDigits(word);
        // JSON forbids leading zeros ("01"): the exact reader stops after such a zero and the caller declines.
        if ((uint)(count - 1) >= MaxRun || (count > 1 && (byte)word == (byte)'0'))
        {
            return false;
        }
        mantissa = (long)DigitsValue(word, count);
        // The run stopped before the end of the eight readable bytes, so i stays inside the line (twice below too).
        i += count;
        if (Unsafe.Add(ref start, i) == (byte)'.')
        {
            if (i + 1 + sizeof(ulong) > line.Length)
            {
                return false;
            }
            var fraction = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, i + 1));
            decimals = LeadingDigits(fraction);
            if ((uint)(decimals - 1) >= MaxRun)
            {
                return false;
            }
            mantissa = (mantissa * PowersOf10Integer[decimals]) + (long)DigitsValue(fraction, decimals);
            i += 1 + decimals;
        }
        if ((Unsafe.Add(ref start, i) | 0x20) == (byte)'e')
        {
            return false;
        }
        end = i;
        return true;
    }

    /// <summary>
    /// A number that must fill [<paramref name="start"/>, <paramref name="end"/>) exactly, as the compact scan knows
    /// it from the quote map: with at most eight bytes after the sign, one load holds it all, the dot is found with a
    /// zero-byte test and squeezed out, and the digits are converted at once. Otherwise as <see cref="TryParseShort"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseSpan(ReadOnlySpan<byte> line, int start, int end, out long mantissa, out int decimals, out bool negative)
    {
        negative = line[start] == (byte)'-';
        var at = negative ? start + 1 : start;
        var length = end - at;
        if ((uint)(length - 1) >= sizeof(ulong) || at + sizeof(ulong) > line.Length)
        {
            return TryParseShort(line, start, out mantissa, out decimals, out negative, out var numberEnd) && numberEnd == end;
        }
        mantissa = 0;
        decimals = 0;
        var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(line), at));
        var inside = length == sizeof(ulong) ? ulong.MaxValue : (1UL << (8 * length)) - 1;
        var nonDigits = NonDigits(word) & inside;
        var digits = length;
        var integerDigits = length;
        if (nonDigits != 0)
        {
            // Exact zero-byte test (no carries between bytes): the high bit of each byte equal to '.'.
            var x = word ^ 0x2E2E_2E2E_2E2E_2E2E;
            var dots = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) + 0x7F7F_7F7F_7F7F_7F7F) | x | 0x7F7F_7F7F_7F7F_7F7F) & inside;
            integerDigits = BitOperations.TrailingZeroCount(dots) >> 3;
            // One dot, with digits on both sides, and nothing else but digits (a second dot is a non-digit too).
            if (dots == 0 || integerDigits == 0 || integerDigits == length - 1 || (nonDigits & ~(0xFFUL << (8 * integerDigits))) != 0)
            {
                return false;
            }
            var below = (1UL << (8 * integerDigits)) - 1;
            word = (word & below) | ((word >> 8) & ~below);
            digits = length - 1;
            decimals = digits - integerDigits;
        }
        // JSON forbids leading zeros ("01", "00.5").
        if ((byte)word == (byte)'0' && integerDigits > 1)
        {
            return false;
        }
        mantissa = (long)DigitsValue(word, digits);
        return true;
    }

    /// <summary>
    /// A high nibble set in each byte that is not an ASCII digit: exact up to the first such byte, and for every byte
    /// when all are ASCII (as the fast path's lines are: no byte then carries into the next).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NonDigits(ulong word)
    {
        var x = word ^ 0x3030_3030_3030_3030;
        return (x | (x + 0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0;
    }

    /// <summary>Longest digit run (integer part or fraction) the short form takes.</summary>
    private const int MaxRun = 7;

    /// <summary>How many of the eight bytes (first byte lowest) are ASCII digits before the first other byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int LeadingDigits(ulong word)
    {
        // A digit becomes 0x00..0x09 and stays below 0x10 with 6 added; any other byte has a high nibble set in one
        // of the two. Carries only run upwards, from bytes after the first non-digit, so that one is exact.
        var nonDigits = NonDigits(word);
        return nonDigits == 0 ? sizeof(ulong) : BitOperations.TrailingZeroCount(nonDigits) >> 3;
    }

    /// <summary>The value of the first <paramref name="count"/> (1..8) digits of the eight bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DigitsValue(ulong word, int count)
    {
        // Move the digits to the top bytes (zeros below are leading zero digits), then add pairs, fours and eights.
        var v = (word & 0x0F0F_0F0F_0F0F_0F0F) << (8 * (sizeof(ulong) - count));
        v = (v * 10) + (v >> 8);
        return (((v & 0x0000_00FF_0000_00FF) * (100 + (1_000_000UL << 32))) + (((v >> 16) & 0x0000_00FF_0000_00FF) * (1 + (10_000UL << 32)))) >> 32;
    }

    /// <summary>10^0 … 10^7, for the short form's decimal places.</summary>
    public static readonly long[] PowersOf10Integer = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

    /// <summary>
    /// A JSON number (RFC 8259 grammar) at <paramref name="at"/>; returns the index after it, or -1. Simple decimals
    /// are converted exactly, the rest by Utf8Parser.
    /// </summary>
    public static int ParseExact(ReadOnlySpan<byte> line, int at, out double value)
    {
        value = 0;
        long mantissa = 0;
        var i = at;
        var negative = line[i] == (byte)'-';
        if (negative)
        {
            i++;
        }
        if ((uint)i >= (uint)line.Length || (uint)(line[i] - '0') > 9)
        {
            return -1;
        }
        var digits = 0;
        if (line[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            uint digit;
            while ((uint)i < (uint)line.Length && (digit = (uint)(line[i] - '0')) <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                digits++;
                i++;
            }
        }
        var decimals = 0;
        if ((uint)i < (uint)line.Length && line[i] == (byte)'.')
        {
            i++;
            if ((uint)i >= (uint)line.Length || (uint)(line[i] - '0') > 9)
            {
                return -1;
            }
            uint digit;
            while ((uint)i < (uint)line.Length && (digit = (uint)(line[i] - '0')) <= 9)
            {
                mantissa = (mantissa * 10) + digit;
                if (mantissa != 0 || digits > 0)
                {
                    digits++;
                }
                decimals++;
                i++;
            }
        }
        if ((uint)i < (uint)line.Length && (line[i] | 0x20) == (byte)'e')
        {
            i++;
            if ((uint)i < (uint)line.Length && (line[i] == (byte)'+' || line[i] == (byte)'-'))
            {
                i++;
            }
            if ((uint)i >= (uint)line.Length || (uint)(line[i] - '0') > 9)
            {
                return -1;
            }
            while ((uint)i < (uint)line.Length && (uint)(line[i] - '0') <= 9)
            {
                i++;
            }
            return Utf8Parser.TryParse(line[at..i], out value, out var consumed) && consumed == i - at ? i : -1;
        }
        if (digits <= 15 && decimals <= 22)
        {
            // Both operands are exact doubles, so one IEEE division gives the correctly rounded value.
            value = mantissa / PowersOf10[decimals];
            value = negative ? -value : value;
            return i;
        }
        return Utf8Parser.TryParse(line[at..i], out value, out var parsed) && parsed == i - at ? i : -1;
    }

    /// <summary>10^0 … 10^22, all exact doubles.</summary>
    public static readonly double[] PowersOf10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
}
