using System.Runtime.CompilerServices;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Core.Index;

/// <summary>
/// The wildcard entries (<c>?</c> one character, <c>*</c> any run), immutable, rebuilt by the writer when a pattern
/// changes. Each pattern is filed under its length (or "has <c>*</c>") and its most selective anchored literals: the
/// first two characters when both are fixed, else the first, else the last two, else the last, else "none". A read
/// probes 5 buckets of its own length and 5 star buckets and checks only the patterns there — with 10,000 patterns a
/// handful per read, not a scan of every pattern. Pattern bytes live in one array.
/// </summary>
internal sealed class WildcardSet
{
    private const int Codes = 37;
    private const int Keys = Codes * Codes;
    private const int Kinds = 5; // first two, first, last two, last, none
    private const int Lengths = Plates.PlateNormalizer.MaxLength + 1; // 0 = has a star
    private const int BucketCount = Lengths * Kinds * Keys;

    public static readonly WildcardSet Empty = new([], [], []);

    private readonly Pattern[] _patterns;
    private readonly int[] _bucketStarts;
    private readonly byte[] _text;

    private struct Pattern
    {
        public int Offset;
        public int Length;
        public int RecordId;
        public HotEntry Hot;
    }

    private WildcardSet(Pattern[] patterns, int[] bucketStarts, byte[] text)
    {
        _patterns = patterns;
        _bucketStarts = bucketStarts;
        _text = text;
    }

    public int Count => _patterns.Length;
    public long AllocatedBytes => (_patterns.Length * (long)Unsafe.SizeOf<Pattern>()) + (_bucketStarts.Length * 4L) + _text.Length;

    public static WildcardSet Build(IReadOnlyCollection<int> recordIds, RecordStore records)
    {
        if (recordIds.Count == 0)
        {
            return Empty;
        }
        var items = new List<(int Bucket, int RecordId)>(recordIds.Count);
        var textLength = 0;
        foreach (var id in recordIds)
        {
            var pattern = records.Text.Get(records[id].Plate);
            items.Add((BucketOf(pattern), id));
            textLength += pattern.Length;
        }
        items.Sort();
        var patterns = new Pattern[items.Count];
        var starts = new int[BucketCount + 1];
        var text = new byte[textLength];
        var offset = 0;
        for (var k = 0; k < items.Count; k++)
        {
            ref var row = ref records[items[k].RecordId];
            var pattern = records.Text.Get(row.Plate);
            pattern.CopyTo(text.AsSpan(offset));
            patterns[k] = new Pattern { Offset = offset, Length = pattern.Length, RecordId = items[k].RecordId, Hot = row.Hot };
            offset += pattern.Length;
            starts[items[k].Bucket + 1]++;
        }
        for (var b = 0; b < BucketCount; b++)
        {
            starts[b + 1] += starts[b];
        }
        return new WildcardSet(patterns, starts, text);
    }

    /// <summary>Adds the patterns matching the normalised plate; returns the new number found.</summary>
    public int Match(in PlateQuery query, RecordStore records, Span<HotlistMatch> destination, int found)
    {
        if (_patterns.Length == 0)
        {
            return found;
        }
        ReadOnlySpan<byte> plate = ((ReadOnlySpan<byte>)query.Plate)[..query.Length];
        var n = plate.Length;
        var first = Code(plate[0]);
        var last = Code(plate[^1]);
        var firstTwo = n >= 2 ? (first * Codes) + Code(plate[1]) : -1;
        var lastTwo = n >= 2 ? (Code(plate[^2]) * Codes) + last : -1;
        foreach (var length in (ReadOnlySpan<int>)[n, 0])
        {
            if (firstTwo >= 0)
            {
                found = MatchBucket(Bucket(length, 0, firstTwo), query, plate, records, destination, found);
                found = MatchBucket(Bucket(length, 2, lastTwo), query, plate, records, destination, found);
            }
            found = MatchBucket(Bucket(length, 1, first), query, plate, records, destination, found);
            found = MatchBucket(Bucket(length, 3, last), query, plate, records, destination, found);
            found = MatchBucket(Bucket(length, 4, 0), query, plate, records, destination, found);
        }
        return found;
    }

    private static int Bucket(int length, int kind, int key) => (((length * Kinds) + kind) * Keys) + key;

    private int MatchBucket(int bucket, in PlateQuery query, ReadOnlySpan<byte> plate, RecordStore records, Span<HotlistMatch> destination, int found)
    {
        for (var p = _bucketStarts[bucket]; p < _bucketStarts[bucket + 1]; p++)
        {
            ref readonly var pattern = ref _patterns[p];
            if (Glob(_text.AsSpan(pattern.Offset, pattern.Length), plate)
                && Validity.Contains(pattern.Hot, query.Seconds, query.UtcTicks, records, pattern.RecordId))
            {
                if (found < destination.Length)
                {
                    destination[found] = new HotlistMatch(pattern.RecordId, pattern.Hot, MatchKind.Wildcard, 0);
                }
                found++;
            }
        }
        return found;
    }

    private static int BucketOf(ReadOnlySpan<byte> pattern)
    {
        var length = pattern.Contains((byte)'*') ? 0 : pattern.Length;
        var n = pattern.Length;
        int p0 = Code(pattern[0]), p1 = n >= 2 ? Code(pattern[1]) : 0;
        int s1 = Code(pattern[^1]), s0 = n >= 2 ? Code(pattern[^2]) : 0;
        return p0 != 0 && p1 != 0 ? Bucket(length, 0, (p0 * Codes) + p1)
            : p0 != 0 ? Bucket(length, 1, p0)
            : s0 != 0 && s1 != 0 ? Bucket(length, 2, (s0 * Codes) + s1)
            : s1 != 0 ? Bucket(length, 3, s1)
            : Bucket(length, 4, 0);
    }

    /// <summary>1–36 for a plate character, 0 for a wildcard.</summary>
    private static int Code(byte b)
    {
        if ((uint)(b - '0') <= 9)
        {
            return b - '0' + 1;
        }
        return (uint)(b - 'A') <= 'Z' - 'A' ? b - 'A' + 11 : 0;
    }

    /// <summary>Glob match with one backtrack point: linear for a single <c>*</c>, small for a few.</summary>
    internal static bool Glob(ReadOnlySpan<byte> pattern, ReadOnlySpan<byte> plate)
    {
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < plate.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == plate[s]))
            {
                p++;
                s++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
