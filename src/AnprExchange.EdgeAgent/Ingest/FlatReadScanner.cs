using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The fast path for the shape cameras send: one flat JSON object whose strings are printable ASCII without escapes
/// and whose values are strings, numbers, true, false or null. It validates that subset of JSON fully and takes
/// string values as spans of the line itself (no copy). Anything outside the subset (escapes, non-ASCII, control bytes
/// anywhere in the line, nesting, a timestamp form it does not know, a line over <see cref="MaxLineLength"/>) makes it
/// decline, and <see cref="JsonReadParser"/> decides instead.
/// Layout: one vector pass first marks every quote of the line in a bit map on the stack, one bit per byte (≤ 16
/// ulongs, <see cref="StopBits"/>), and declines a line with any other stop byte; the quotes then pair up in order, so
/// a string ends at the next quote bit (<see cref="QuoteCursor"/>): no string is scanned byte by byte.
/// </summary>
internal static class FlatReadScanner
{
    /// <summary>Longest line the fast path takes; longer ones (rare: a read is ~200 bytes) go to the general parser.</summary>
    public const int MaxLineLength = 1024;

    [SkipLocalsInit]
    public static bool TryScan(ReadOnlySpan<byte> line, ref ReadFields fields)
    {
        // The field names and numbers are read as little-endian words.
        if (line.Length > MaxLineLength || !BitConverter.IsLittleEndian)
        {
            return false;
        }
        Span<ulong> quotes = stackalloc ulong[MaxLineLength / 64];
        var words = StopBits.MarkQuotes(line, quotes);
        return words >= 0 && Scan(line, new QuoteCursor(quotes[..words]), ref fields);
    }

    // Apart from TryScan: a method with a loop and stackalloc is compiled fully optimised at once but without
    // profile-guided optimisation (no on-stack replacement for it); this one gets both. The value handlers are inlined
    // into it, so the cursor and positions stay in registers; only the rare shapes (literals, whitespace, long or
    // unusual numbers) are calls.
    private static bool Scan(ReadOnlySpan<byte> line, scoped QuoteCursor quotes, ref ReadFields fields)
    {
        ref var start = ref MemoryMarshal.GetReference(line);
        var at = SkipWhitespace(line, 0);
        if ((uint)at >= (uint)line.Length || line[at] != (byte)'{')
        {
            return false;
        }
        at = SkipWhitespace(line, at + 1);
        if ((uint)at < (uint)line.Length && line[at] == (byte)'}')
        {
            return SkipWhitespace(line, at + 1) == line.Length;
        }
        while (true)
        {
            // Every byte before `at` was taken as a token other than a string, so the next quote is at `at` or later:
            // it is the key's opening quote exactly when the key starts here.
            if (quotes.Next() != at)
            {
                return false;
            }
            var end = quotes.Next();
            if (end < 0)
            {
                return false;
            }
            // Eight bytes from the key on are inside the line: one load identifies it.
            var field = at + 9 <= line.Length
                ? ReadFieldNames.Identify(ref Unsafe.Add(ref start, at + 1), end - at - 1)
                : ReadFieldNames.Identify(line[(at + 1)..end]);
            // The closing quote is inside the line, so at <= line.Length here; compact JSON has the colon right here.
            at = end + 1;
            if (at < line.Length && Unsafe.Add(ref start, at) == (byte)':')
            {
                at++;
            }
            else if ((at = SkipColon(line, at)) < 0)
            {
                return false;
            }
            if (at >= line.Length)
            {
                return false;
            }
            var first = Unsafe.Add(ref start, at);
            if (first <= (byte)' ')
            {
                at = SkipWhitespaceSlow(line, at);
                if ((uint)at >= (uint)line.Length)
                {
                    return false;
                }
                first = line[at];
            }
            if (first == (byte)'"')
            {
                // This quote is the next one (see above); the string ends at the one after it.
                quotes.Next();
                end = quotes.Next();
                // The quotes are inside the line and in order, so at + 1 <= end < line.Length.
                if (end < 0 || !StringValue(line, at + 1, end, field, ref fields))
                {
                    return false;
                }
                at = end + 1;
            }
            else if (first == (byte)'-' || (uint)(first - '0') <= 9)
            {
                if ((at = NumberValue(line, at, field, ref fields)) < 0)
                {
                    return false;
                }
            }
            else if ((at = LiteralValue(line, at, field, ref fields)) < 0)
            {
                return false;
            }
            if ((uint)at >= (uint)line.Length)
            {
                return false;
            }
            var next = Unsafe.Add(ref start, at);
            if (next == (byte)',')
            {
                at++;
                // Compact JSON: the next key's quote follows at once; the cursor check at the loop's top decides.
                if ((uint)at < (uint)line.Length && Unsafe.Add(ref start, at) <= (byte)' ')
                {
                    at = SkipWhitespaceSlow(line, at);
                }
                continue;
            }
            if (next <= (byte)' ')
            {
                at = SkipWhitespaceSlow(line, at);
                if ((uint)at >= (uint)line.Length)
                {
                    return false;
                }
                next = line[at];
                if (next == (byte)',')
                {
                    at = SkipWhitespace(line, at + 1);
                    continue;
                }
            }
            return next == (byte)'}' && SkipWhitespace(line, at + 1) == line.Length;
        }
    }

    /// <summary>Whitespace, a colon and the index after it; -1 if the colon is missing.</summary>
    private static int SkipColon(ReadOnlySpan<byte> line, int at)
    {
        at = SkipWhitespaceSlow(line, at);
        return (uint)at < (uint)line.Length && line[at] == (byte)':' ? at + 1 : -1;
    }

    /// <summary>A string value, between the quotes at <paramref name="start"/> - 1 and <paramref name="end"/>; false to decline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StringValue(ReadOnlySpan<byte> line, int start, int end, ReadField field, ref ReadFields fields)
    {
        // start <= end < line.Length (see Scan).
        var value = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(line), start), end - start);
        switch (field)
        {
            case ReadField.Timestamp:
                fields.HasTimestamp = true;
                // An unusual (or invalid) form: let the general parser judge it.
                return IsoTimestamp.TryParse(value, out fields.Timestamp);
            case ReadField.Confidence or ReadField.Lat or ReadField.Lon:
                fields.Keep(ReadRejection.InvalidField);
                return true;
            case ReadField.Other:
                return true;
            default:
                fields.SetString(field, value);
                return true;
        }
    }

    /// <summary>A number at <paramref name="at"/>; returns the index after it, or -1 to decline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NumberValue(ReadOnlySpan<byte> line, int at, ReadField field, ref ReadFields fields)
    {
        if (JsonNumber.TryParseShort(line, at, out var mantissa, out var decimals, out var negative, out var end))
        {
            if (field is ReadField.Confidence or ReadField.Lat or ReadField.Lon)
            {
                fields.SetDecimal(field, mantissa, decimals, negative);
            }
            else
            {
                NotANumberField(field, ref fields);
            }
            return end;
        }
        return ExactNumberValue(line, at, field, ref fields);
    }

    private static int ExactNumberValue(ReadOnlySpan<byte> line, int at, ReadField field, ref ReadFields fields)
    {
        at = JsonNumber.ParseExact(line, at, out var number);
        if (at < 0)
        {
            return -1;
        }
        if (field is ReadField.Confidence or ReadField.Lat or ReadField.Lon)
        {
            fields.SetNumber(field, number);
        }
        else
        {
            NotANumberField(field, ref fields);
        }
        return at;
    }

    /// <summary>A number for a field that takes none (ignored for unknown fields).</summary>
    private static void NotANumberField(ReadField field, ref ReadFields fields)
    {
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
    }

    /// <summary>true, false or null at <paramref name="at"/>; returns the index after it, or -1 to decline.</summary>
    private static int LiteralValue(ReadOnlySpan<byte> line, int at, ReadField field, ref ReadFields fields)
    {
        var rest = line[at..];
        if (rest.StartsWith("null"u8))
        {
            return at + 4;
        }
        var isTrue = rest.StartsWith("true"u8);
        if (!isTrue && !rest.StartsWith("false"u8))
        {
            return -1;
        }
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
        return at + (isTrue ? 4 : 5);
    }

    /// <summary>Compact JSON has no whitespace: one compare decides, the loop is for the rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> line, int at) =>
        (uint)at < (uint)line.Length && line[at] > (byte)' ' ? at : SkipWhitespaceSlow(line, at);

    private static int SkipWhitespaceSlow(ReadOnlySpan<byte> line, int at)
    {
        while ((uint)at < (uint)line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }
        return at;
    }
}
