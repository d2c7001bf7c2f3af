using System.Buffers.Text;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The fast path for the shape cameras send: one flat JSON object whose strings are printable ASCII without escapes
/// and whose values are strings, numbers, true, false or null. It validates that subset of JSON fully and takes
/// string values as spans of the line itself (no copy). Anything outside the subset (escapes, non-ASCII, nesting,
/// a timestamp form it does not know) makes it decline, and <see cref="JsonReadParser"/> decides instead.
/// </summary>
internal static class FlatReadScanner
{
    private const byte Plain = 0;

    /// <summary>Per byte: 0 = may stay in a fast-path string; 1 = ends it (quote, backslash, control, DEL, non-ASCII).</summary>
    private static ReadOnlySpan<byte> ByteClasses =>
    [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ];

    private static readonly double[] s_powersOf10 = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    public static bool TryScan(ReadOnlySpan<byte> line, ref ReadFields fields)
    {
        var at = SkipWhitespace(line, 0);
        if (at >= line.Length || line[at] != (byte)'{')
        {
            return false;
        }
        at = SkipWhitespace(line, at + 1);
        if (at < line.Length && line[at] == (byte)'}')
        {
            return SkipWhitespace(line, at + 1) == line.Length;
        }
        while (true)
        {
            var field = KnownKey(line, ref at);
            if (field == ReadField.Other)
            {
                if (!TryString(line, ref at, out var nameStart, out var nameLength))
                {
                    return false;
                }
                field = ReadFieldNames.Identify(line.Slice(nameStart, nameLength));
            }
            at = SkipWhitespace(line, at);
            if (at >= line.Length || line[at] != (byte)':')
            {
                return false;
            }
            at = SkipWhitespace(line, at + 1);
            if (at >= line.Length || !TryValue(line, ref at, field, ref fields))
            {
                return false;
            }
            at = SkipWhitespace(line, at);
            if (at >= line.Length)
            {
                return false;
            }
            if (line[at] == (byte)'}')
            {
                return SkipWhitespace(line, at + 1) == line.Length;
            }
            if (line[at] != (byte)',')
            {
                return false;
            }
            at = SkipWhitespace(line, at + 1);
        }
    }

    /// <summary>Recognises the usual keys (with their closing quote) in place; Other means "scan it normally".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadField KnownKey(ReadOnlySpan<byte> line, ref int at)
    {
        if (at + 1 >= line.Length || line[at] != (byte)'"')
        {
            return ReadField.Other;
        }
        var rest = line[(at + 1)..];
        var (field, length) = rest[0] switch
        {
            (byte)'r' when rest.StartsWith("readId\""u8) => (ReadField.ReadId, 7),
            (byte)'c' when rest.StartsWith("cameraId\""u8) => (ReadField.CameraId, 9),
            (byte)'c' when rest.StartsWith("country\""u8) => (ReadField.Country, 8),
            (byte)'c' when rest.StartsWith("confidence\""u8) => (ReadField.Confidence, 11),
            (byte)'t' when rest.StartsWith("timestamp\""u8) => (ReadField.Timestamp, 10),
            (byte)'p' when rest.StartsWith("plate\""u8) => (ReadField.Plate, 6),
            (byte)'l' when rest.StartsWith("lat\""u8) => (ReadField.Lat, 4),
            (byte)'l' when rest.StartsWith("lon\""u8) => (ReadField.Lon, 4),
            (byte)'d' when rest.StartsWith("direction\""u8) => (ReadField.Direction, 10),
            _ => (ReadField.Other, 0),
        };
        if (field != ReadField.Other)
        {
            at += 1 + length;
        }
        return field;
    }

    private static bool TryValue(ReadOnlySpan<byte> line, ref int at, ReadField field, ref ReadFields fields)
    {
        var first = line[at];
        if (first == (byte)'"')
        {
            if (!TryString(line, ref at, out var start, out var length))
            {
                return false;
            }
            var value = line.Slice(start, length);
            switch (field)
            {
                case ReadField.Timestamp:
                    fields.HasTimestamp = true;
                    if (!IsoTimestamp.TryParse(value, out fields.Timestamp))
                    {
                        // An unusual (or invalid) form: let the general parser judge it.
                        return false;
                    }
                    break;
                case ReadField.Confidence or ReadField.Lat or ReadField.Lon:
                    fields.Keep(ReadRejection.InvalidField);
                    break;
                case ReadField.Other:
                    break;
                default:
                    fields.SetString(field, value);
                    break;
            }
            return true;
        }
        if (first == (byte)'-' || (uint)(first - '0') <= 9)
        {
            if (!TryNumber(line, ref at, out var number))
            {
                return false;
            }
            switch (field)
            {
                case ReadField.Confidence or ReadField.Lat or ReadField.Lon:
                    fields.SetNumber(field, number);
                    break;
                case ReadField.Timestamp:
                    fields.HasTimestamp = true;
                    fields.Keep(ReadRejection.InvalidTimestamp);
                    break;
                case ReadField.Other:
                    break;
                default:
                    fields.Keep(ReadRejection.InvalidField);
                    break;
            }
            return true;
        }
        var rest = line[at..];
        if (rest.StartsWith("null"u8))
        {
            at += 4;
            return true;
        }
        var isTrue = rest.StartsWith("true"u8);
        if (!isTrue && !rest.StartsWith("false"u8))
        {
            return false;
        }
        at += isTrue ? 4 : 5;
        switch (field)
        {
            case ReadField.Timestamp:
                fields.HasTimestamp = true;
                fields.Keep(ReadRejection.InvalidTimestamp);
                break;
            case ReadField.Other:
                break;
            default:
                fields.Keep(ReadRejection.InvalidField);
                break;
        }
        return true;
    }

    /// <summary>A string at <paramref name="at"/> (on its opening quote) of printable ASCII without escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryString(ReadOnlySpan<byte> line, ref int at, out int start, out int length)
    {
        start = at + 1;
        length = 0;
        if (at >= line.Length || line[at] != (byte)'"')
        {
            return false;
        }
        var end = start;
        // 16 bytes at a time: stop at a quote, backslash, DEL, or any byte below 0x20 or above 0x7E (negative as sbyte).
        while (end + Vector128<byte>.Count <= line.Length)
        {
            var block = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(line), (nuint)end);
            var stops = Vector128.Equals(block, Vector128.Create((byte)'"'))
                | Vector128.Equals(block, Vector128.Create((byte)'\\'))
                | Vector128.Equals(block, Vector128.Create((byte)0x7F))
                | Vector128.LessThan(block.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte();
            var mask = stops.ExtractMostSignificantBits();
            if (mask != 0)
            {
                end += BitOperations.TrailingZeroCount(mask);
                goto found;
            }
            end += Vector128<byte>.Count;
        }
        var classes = ByteClasses;
        while (end < line.Length && classes[line[end]] == Plain)
        {
            end++;
        }
    found:
        if (end >= line.Length || line[end] != (byte)'"')
        {
            return false;
        }
        end -= start;
        length = end;
        at = start + end + 1;
        return true;
    }

    /// <summary>A JSON number (RFC 8259 grammar); simple decimals are converted exactly, the rest by Utf8Parser.</summary>
    private static bool TryNumber(ReadOnlySpan<byte> line, ref int at, out double value)
    {
        value = 0;
        var start = at;
        var i = at;
        var negative = i < line.Length && line[i] == (byte)'-';
        if (negative)
        {
            i++;
        }
        if (i >= line.Length || (uint)(line[i] - '0') > 9)
        {
            return false;
        }
        long mantissa = 0;
        var digits = 0;
        if (line[i] == (byte)'0')
        {
            i++;
        }
        else
        {
            while (i < line.Length && (uint)(line[i] - '0') <= 9)
            {
                mantissa = (mantissa * 10) + (line[i] - '0');
                digits++;
                i++;
            }
        }
        var fraction = 0;
        if (i < line.Length && line[i] == (byte)'.')
        {
            i++;
            if (i >= line.Length || (uint)(line[i] - '0') > 9)
            {
                return false;
            }
            while (i < line.Length && (uint)(line[i] - '0') <= 9)
            {
                mantissa = (mantissa * 10) + (line[i] - '0');
                if (mantissa != 0 || digits > 0)
                {
                    digits++;
                }
                fraction++;
                i++;
            }
        }
        var exponent = false;
        if (i < line.Length && (line[i] == (byte)'e' || line[i] == (byte)'E'))
        {
            exponent = true;
            i++;
            if (i < line.Length && (line[i] == (byte)'+' || line[i] == (byte)'-'))
            {
                i++;
            }
            if (i >= line.Length || (uint)(line[i] - '0') > 9)
            {
                return false;
            }
            while (i < line.Length && (uint)(line[i] - '0') <= 9)
            {
                i++;
            }
        }
        at = i;
        if (!exponent && digits <= 15 && fraction <= 22)
        {
            // Both operands are exact doubles, so one IEEE division gives the correctly rounded value.
            value = mantissa / s_powersOf10[fraction];
            value = negative ? -value : value;
            return true;
        }
        return Utf8Parser.TryParse(line[start..i], out value, out var consumed) && consumed == i - start;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> line, int at)
    {
        while (at < line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }
        return at;
    }
}
