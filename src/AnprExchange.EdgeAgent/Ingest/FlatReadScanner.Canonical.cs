using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The canonical scan: a compact line whose members come in the order of design.md's read JSON, which is the order
/// the client SDK writes (readId, cameraId, timestamp, plate, country, confidence, lat, lon, direction; any of them may
/// be absent). Each member is recognised by comparing its key, colon and (for strings) the value's opening quote with
/// one 16-byte vector compare at the position where it must start, so no key is identified and no dispatch is made on
/// the field; each value's end is looked up in the quote map from where the value starts (no walk through the quotes
/// before it: the compare proved what lies there). Anything else (another order, an unknown or repeated key, a value
/// of an unexpected kind) declines, and <see cref="ScanCompact"/> decides from scratch.
/// </summary>
internal static partial class FlatReadScanner
{
    // What each member starts with: key, colon, and for strings the value's opening quote; and the same as a vector.
    private static ReadOnlySpan<byte> ReadIdPrefix => "\"readId\":\""u8;
    private static ReadOnlySpan<byte> CameraIdPrefix => "\"cameraId\":\""u8;
    private static ReadOnlySpan<byte> TimestampPrefix => "\"timestamp\":\""u8;
    private static ReadOnlySpan<byte> PlatePrefix => "\"plate\":\""u8;
    private static ReadOnlySpan<byte> CountryPrefix => "\"country\":\""u8;
    private static ReadOnlySpan<byte> ConfidencePrefix => "\"confidence\":"u8;
    private static ReadOnlySpan<byte> LatPrefix => "\"lat\":"u8;
    private static ReadOnlySpan<byte> LonPrefix => "\"lon\":"u8;
    private static ReadOnlySpan<byte> DirectionPrefix => "\"direction\":\""u8;

    private static readonly Vector128<byte> ReadIdKey = KeyPattern(ReadIdPrefix);
    private static readonly Vector128<byte> CameraIdKey = KeyPattern(CameraIdPrefix);
    private static readonly Vector128<byte> TimestampKey = KeyPattern(TimestampPrefix);
    private static readonly Vector128<byte> PlateKey = KeyPattern(PlatePrefix);
    private static readonly Vector128<byte> CountryKey = KeyPattern(CountryPrefix);
    private static readonly Vector128<byte> ConfidenceKey = KeyPattern(ConfidencePrefix);
    private static readonly Vector128<byte> LatKey = KeyPattern(LatPrefix);
    private static readonly Vector128<byte> LonKey = KeyPattern(LonPrefix);
    private static readonly Vector128<byte> DirectionKey = KeyPattern(DirectionPrefix);

    /// <summary>
    /// True when the line is compact, in canonical order and within the fast subset, with <paramref name="fields"/>
    /// filled as <see cref="ScanCompact"/> would fill them; false otherwise.
    /// </summary>
    internal static bool ScanCanonical(ReadOnlySpan<byte> line, scoped ReadOnlySpan<ulong> quotes, ref ReadFields fields)
    {
        ref var start = ref MemoryMarshal.GetReference(line);
        var length = line.Length;
        if (length < 6 || start != (byte)'{' || Unsafe.Add(ref start, length - 1) != (byte)'}')
        {
            return false;
        }
        // Each step returns where the next member starts (unchanged when its member is absent), `length` once the
        // closing brace was reached, or -1 (then every later step passes -1 on).
        var at = StringStep(line, quotes, 1, ReadIdKey, ReadIdPrefix, ReadField.ReadId, ref fields);
        at = StringStep(line, quotes, at, CameraIdKey, CameraIdPrefix, ReadField.CameraId, ref fields);
        at = StringStep(line, quotes, at, TimestampKey, TimestampPrefix, ReadField.Timestamp, ref fields);
        at = StringStep(line, quotes, at, PlateKey, PlatePrefix, ReadField.Plate, ref fields);
        at = StringStep(line, quotes, at, CountryKey, CountryPrefix, ReadField.Country, ref fields);
        at = OtherStep(line, quotes, at, ConfidenceKey, ConfidencePrefix, ReadField.Confidence, ref fields);
        at = OtherStep(line, quotes, at, LatKey, LatPrefix, ReadField.Lat, ref fields);
        at = OtherStep(line, quotes, at, LonKey, LonPrefix, ReadField.Lon, ref fields);
        at = StringStep(line, quotes, at, DirectionKey, DirectionPrefix, ReadField.Direction, ref fields);
        // Every member was taken and the last one ended at the closing brace.
        return at == length;
    }

    /// <summary>
    /// True if the bytes at <paramref name="at"/> begin with <paramref name="prefix"/> (whose first 16 bytes, zero
    /// padded, are <paramref name="pattern"/>): one vector compare, or a plain one for the last 15 bytes of the line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasPrefix(ref byte start, int at, int length, Vector128<byte> pattern, ReadOnlySpan<byte> prefix)
    {
        if (at > length - Vector128<byte>.Count)
        {
            return length - at >= prefix.Length && MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref start, at), prefix.Length).SequenceEqual(prefix);
        }
        var equal = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)at), pattern).ExtractMostSignificantBits();
        var wanted = (1u << prefix.Length) - 1;
        return (equal & wanted) == wanted;
    }

    /// <summary>The string member starting at <paramref name="at"/> if its key is there: where the next one starts, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StringStep(ReadOnlySpan<byte> line, scoped ReadOnlySpan<ulong> quotes, int at, Vector128<byte> pattern, ReadOnlySpan<byte> prefix, ReadField field, ref ReadFields fields) =>
        at > 0 && at < line.Length && HasPrefix(ref MemoryMarshal.GetReference(line), at, line.Length, pattern, prefix)
            ? StringMember(line, quotes, at + prefix.Length, field, ref fields)
            : at;

    /// <summary>The number (or literal) member starting at <paramref name="at"/> if its key is there: as <see cref="StringStep"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OtherStep(ReadOnlySpan<byte> line, scoped ReadOnlySpan<ulong> quotes, int at, Vector128<byte> pattern, ReadOnlySpan<byte> prefix, ReadField field, ref ReadFields fields) =>
        at > 0 && at < line.Length && HasPrefix(ref MemoryMarshal.GetReference(line), at, line.Length, pattern, prefix)
            ? OtherMember(line, quotes, at + prefix.Length, field, ref fields)
            : at;

    /// <summary>The index of the first quote at or after <paramref name="from"/> (inside the line), or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextQuote(scoped ReadOnlySpan<ulong> quotes, int from)
    {
        var word = from >> 6;
        var bits = quotes[word] & (ulong.MaxValue << from);
        while (bits == 0)
        {
            if (++word >= quotes.Length)
            {
                return -1;
            }
            bits = quotes[word];
        }
        return (word << 6) + BitOperations.TrailingZeroCount(bits);
    }

    /// <summary>A string value from <paramref name="value"/> to the next quote; returns where the next member starts, the line's length after the last, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StringMember(ReadOnlySpan<byte> line, scoped ReadOnlySpan<ulong> quotes, int value, ReadField field, ref ReadFields fields)
    {
        var valueEnd = NextQuote(quotes, value);
        return valueEnd >= value && StringValue(line, value, valueEnd, field, ref fields) ? AfterMember(line, valueEnd + 1) : -1;
    }

    /// <summary>A number or literal from <paramref name="value"/> to the comma before the next key (or the closing brace), then its separator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int OtherMember(ReadOnlySpan<byte> line, scoped ReadOnlySpan<ulong> quotes, int value, ReadField field, ref ReadFields fields)
    {
        var nextKey = NextQuote(quotes, value);
        var end = nextKey < 0 ? line.Length - 1 : nextKey - 1;
        return end > value && line[value] != (byte)'"' && CompactOtherValue(line, value, end, field, ref fields) ? AfterMember(line, end) : -1;
    }

    /// <summary>The separator at <paramref name="end"/>: a comma (the next member follows) or the closing brace at the very end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AfterMember(ReadOnlySpan<byte> line, int end)
    {
        if ((uint)end >= (uint)line.Length)
        {
            return -1;
        }
        var separator = line[end];
        if (separator == (byte)',')
        {
            return end + 1;
        }
        return separator == (byte)'}' && end == line.Length - 1 ? line.Length : -1;
    }

    private static Vector128<byte> KeyPattern(ReadOnlySpan<byte> prefix)
    {
        Span<byte> bytes = stackalloc byte[Vector128<byte>.Count];
        bytes.Clear();
        prefix.CopyTo(bytes);
        return Vector128.Create((ReadOnlySpan<byte>)bytes);
    }
}
