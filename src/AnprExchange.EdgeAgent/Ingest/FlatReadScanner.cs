using System.Runtime.CompilerServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The fast path for the shape cameras send: one flat JSON object whose strings are printable ASCII without escapes
/// and whose values are strings, numbers, true, false or null. It validates that subset of JSON fully and takes
/// string values as spans of the line itself (no copy). Anything outside the subset (escapes, non-ASCII, control bytes
/// anywhere in the line, nesting, a timestamp form it does not know, a line over <see cref="MaxLineLength"/>) makes it
/// decline, and <see cref="JsonReadParser"/> decides instead.
/// Layout: one vector pass first marks every quote of the line in a bit map on the stack, one bit per byte (≤ 16
/// ulongs, <see cref="StopBits"/>), and declines a line with any other stop byte; the quotes then pair up in order, so
/// a string ends at the next quote bit (<see cref="QuoteCursor"/>): no string is scanned byte by byte. Compact lines
/// with the members in design.md's order (the SDK's) go through <see cref="ScanCanonical"/>, which recognises each
/// member by one vector compare; other compact lines through <see cref="ScanCompact"/>, whose positions all come from
/// the quote map; any other line through the sequential <see cref="Scan"/>.
/// </summary>
internal static partial class FlatReadScanner
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
        if (words < 0)
        {
            return false;
        }
        if (ScanCanonical(line, quotes[..words], ref fields))
        {
            return true;
        }
        // Another order or shape (a line in canonical order that declines late is scanned twice; that is rare).
        fields = default;
        if (ScanCompact(line, new QuoteCursor(quotes[..words]), ref fields))
        {
            return true;
        }
        // Not compact, or declined: the sequential scan decides from scratch.
        fields = default;
        return Scan(line, new QuoteCursor(quotes[..words]), ref fields);
    }
}
