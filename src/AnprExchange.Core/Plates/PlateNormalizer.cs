using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace AnprExchange.Core.Plates;

/// <summary>
/// Turns a plate as read or typed ("1-abc-123", "AB 1234", "B–MW 1234") into its canonical form:
/// upper-case A–Z and 0–9 only, separators removed. Allocation-free over UTF-16 and UTF-8 input.
/// </summary>
public static class PlateNormalizer
{
    /// <summary>Longest canonical plate accepted. No issuing country uses more than 10; 12 leaves room for trade plates.</summary>
    public const int MaxLength = 12;

    /// <summary>Normalises UTF-16 <paramref name="input"/> into <paramref name="destination"/> (ASCII bytes).</summary>
    public static PlateStatus Normalize(ReadOnlySpan<char> input, Span<byte> destination, out int written)
    {
        written = 0;
        foreach (var c in input)
        {
            var status = Append(c, destination, ref written);
            if (status != PlateStatus.Valid)
            {
                return status;
            }
        }
        return written == 0 ? PlateStatus.Empty : PlateStatus.Valid;
    }

    /// <summary>Normalises UTF-8 <paramref name="utf8"/> (as it comes out of Kafka or a socket) into ASCII bytes.</summary>
    public static PlateStatus Normalize(ReadOnlySpan<byte> utf8, Span<byte> destination, out int written)
    {
        written = 0;
        ref var table = ref MemoryMarshal.GetArrayDataReference(AsciiTable);
        for (var i = 0; i < utf8.Length; i++)
        {
            uint b = utf8[i];
            if (b >= 0x80)
            {
                return NormalizeRunes(utf8[i..], destination, ref written);
            }
            var value = Unsafe.Add(ref table, (nint)b);
            if (value > AsciiSeparator)
            {
                if (written >= MaxLength || written >= destination.Length)
                {
                    return PlateStatus.TooLong;
                }
                destination[written++] = value;
            }
            else if (value == AsciiInvalid)
            {
                return PlateStatus.InvalidCharacter;
            }
        }
        return written == 0 ? PlateStatus.Empty : PlateStatus.Valid;
    }

    /// <summary>The rest of a plate from its first non-ASCII byte on (typed dashes, no-break spaces, letters with accents).</summary>
    private static PlateStatus NormalizeRunes(ReadOnlySpan<byte> remaining, Span<byte> destination, ref int written)
    {
        while (!remaining.IsEmpty)
        {
            int rune;
            byte b = remaining[0];
            if (b < 0x80)
            {
                rune = b;
                remaining = remaining[1..];
            }
            else
            {
                if (Rune.DecodeFromUtf8(remaining, out var r, out var consumed) != System.Buffers.OperationStatus.Done)
                {
                    return PlateStatus.InvalidCharacter;
                }
                rune = r.Value;
                remaining = remaining[consumed..];
            }
            var status = rune > char.MaxValue ? PlateStatus.InvalidCharacter : Append((char)rune, destination, ref written);
            if (status != PlateStatus.Valid)
            {
                return status;
            }
        }
        return written == 0 ? PlateStatus.Empty : PlateStatus.Valid;
    }

    // Per ASCII byte: the canonical character, or that it is dropped (a separator) or refused. One load per byte on
    // the hot path (every read from Kafka passes here) instead of a chain of range checks.
    private const byte AsciiInvalid = 0;
    private const byte AsciiSeparator = 1;

    private static readonly byte[] AsciiTable = BuildAsciiTable();

    private static byte[] BuildAsciiTable()
    {
        var table = new byte[128];
        Span<byte> one = stackalloc byte[1];
        for (var c = 0; c < table.Length; c++)
        {
            var written = 0;
            var status = Append((char)c, one, ref written);
            table[c] = status != PlateStatus.Valid ? AsciiInvalid : written == 0 ? AsciiSeparator : one[0];
        }
        return table;
    }

    /// <summary>Normalises into a new string; for cold paths (CSV import, tests, the CLI).</summary>
    public static bool TryNormalize(ReadOnlySpan<char> input, out string normalized, out PlateStatus status)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        status = Normalize(input, buffer, out var written);
        normalized = status == PlateStatus.Valid ? Encoding.ASCII.GetString(buffer[..written]) : string.Empty;
        return status == PlateStatus.Valid;
    }

    /// <summary>True for characters that separate plate groups and are dropped.</summary>
    public static bool IsSeparator(char c) => c switch
    {
        ' ' or '-' or '.' or '·' or '\u00A0' => true,
        // Unicode dashes: hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign.
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => true,
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PlateStatus Append(char c, Span<byte> destination, ref int written)
    {
        byte value;
        if ((uint)(c - '0') <= 9 || (uint)(c - 'A') <= 'Z' - 'A')
        {
            value = (byte)c;
        }
        else if ((uint)(c - 'a') <= 'z' - 'a')
        {
            value = (byte)(c - 32);
        }
        else if (IsSeparator(c))
        {
            return PlateStatus.Valid;
        }
        else
        {
            return PlateStatus.InvalidCharacter;
        }

        if (written >= MaxLength || written >= destination.Length)
        {
            return PlateStatus.TooLong;
        }
        destination[written++] = value;
        return PlateStatus.Valid;
    }
}
