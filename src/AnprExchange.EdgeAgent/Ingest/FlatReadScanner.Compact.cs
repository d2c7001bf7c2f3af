using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The compact scan: a line without whitespace, <c>{"key":value,"key":value}</c>. Every member's bounds come from the
/// quote map alone: a key spans two quotes, a string value the next two, and any other value runs from after the
/// colon to the comma before the next key's quote (or to the closing brace). So the position of the next member never
/// waits for a value to be parsed: the values are checked beside the walk, not in front of it.
/// </summary>
internal static partial class FlatReadScanner
{
    /// <summary>
    /// True when the line is compact and within the fast subset, with <paramref name="fields"/> filled as
    /// <see cref="Scan"/> would fill them; false otherwise (whitespace, an unusual number, a syntax error, anything the
    /// scan declines), and <see cref="Scan"/> decides from scratch.
    /// </summary>
    private static bool ScanCompact(ReadOnlySpan<byte> line, scoped QuoteCursor quotes, ref ReadFields fields)
    {
        ref var start = ref MemoryMarshal.GetReference(line);
        // The shortest member, {"":0}, has six bytes; the empty object is left to Scan.
        if (line.Length < 6 || start != (byte)'{' || Unsafe.Add(ref start, line.Length - 1) != (byte)'}')
        {
            return false;
        }
        // All indexes below are quotes (inside the line), a quote's neighbours (the first and the last byte are not
        // quotes, so those are inside it too), or checked against the line's length.
        var at = 1;
        while (true)
        {
            if (quotes.Next() != at)
            {
                return false;
            }
            var keyEnd = quotes.Next();
            if (keyEnd < 0)
            {
                return false;
            }
            var field = at + 9 <= line.Length
                ? ReadFieldNames.Identify(ref Unsafe.Add(ref start, at + 1), keyEnd - at - 1)
                : ReadFieldNames.Identify(line[(at + 1)..keyEnd]);
            var value = keyEnd + 2;
            if (Unsafe.Add(ref start, keyEnd + 1) != (byte)':' || value >= line.Length)
            {
                return false;
            }
            int end;
            if (Unsafe.Add(ref start, value) == (byte)'"')
            {
                // The quote at `value` is the next one: the colon is all that lies between it and the key.
                quotes.Next();
                var valueEnd = quotes.Next();
                if (valueEnd < 0 || !StringValue(line, value + 1, valueEnd, field, ref fields))
                {
                    return false;
                }
                end = valueEnd + 1;
            }
            else
            {
                // Up to the comma before the next key, or to the closing brace of the last member.
                var nextKey = quotes.Peek();
                end = nextKey < 0 ? line.Length - 1 : nextKey - 1;
                if (end <= value || !CompactOtherValue(line, value, end, field, ref fields))
                {
                    return false;
                }
            }
            // end < line.Length: it is a quote's neighbour or the last byte.
            var separator = Unsafe.Add(ref start, end);
            if (separator == (byte)',')
            {
                at = end + 1;
                continue;
            }
            return separator == (byte)'}' && end == line.Length - 1;
        }
    }

    /// <summary>A number or literal that must fill [<paramref name="start"/>, <paramref name="end"/>) exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CompactOtherValue(ReadOnlySpan<byte> line, int start, int end, ReadField field, ref ReadFields fields)
    {
        var first = line[start];
        if (first == (byte)'-' || (uint)(first - '0') <= 9)
        {
            if (!JsonNumber.TryParseSpan(line, start, end, out var mantissa, out var decimals, out var negative))
            {
                // Long, exponent, or within eight bytes of the line's end (the last member): read exactly instead.
                return ExactNumberValue(line, start, field, ref fields) == end;
            }
            if (field is ReadField.Confidence or ReadField.Lat or ReadField.Lon)
            {
                fields.SetDecimal(field, mantissa, decimals, negative);
            }
            else
            {
                WrongKindOfValue(field, ref fields);
            }
            return true;
        }
        return LiteralValue(line, start, field, ref fields) == end;
    }
}
