using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>The sequential scan: any whitespace between tokens; each token's end found before the next is read.</summary>
internal static partial class FlatReadScanner
{
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
