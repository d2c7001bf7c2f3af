using System.Globalization;

namespace AnprExchange.Hotlists.Csv;

/// <summary>
/// ISO 8601 dates of valid_from / valid_until. A date and time needs an offset ("Z" or "+01:00"): a list crosses
/// borders, so local time is ambiguous. A bare date ("2026-12-31") means the start of that day (UTC) for valid_from
/// and the end of that day (UTC, i.e. the next midnight, exclusive) for valid_until, so the whole day is included.
/// </summary>
internal static class HotlistCsvDates
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    public static bool TryParse(string text, bool isEnd, out DateTimeOffset value, out string? error)
    {
        error = null;
        if (text.Length == 10
            && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            value = isEnd ? start.AddDays(1) : start;
            return true;
        }
        var upper = text.Replace('z', 'Z').Replace('t', 'T');
        if (DateTimeOffset.TryParseExact(upper, DateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return true;
        }
        error = upper.Contains('T', StringComparison.Ordinal) && !HasOffset(upper)
            ? $"'{text}' has no offset: write Z or +hh:mm (e.g. 2026-12-04T10:15:00Z)"
            : $"'{text}' is not an ISO 8601 date (2026-12-04) or date and time with offset (2026-12-04T10:15:00Z)";
        return false;
    }

    private static bool HasOffset(string text)
    {
        var time = text.AsSpan(text.IndexOf('T', StringComparison.Ordinal) + 1);
        return time.EndsWith("Z") || time.IndexOfAny('+', '-') >= 0;
    }
}
