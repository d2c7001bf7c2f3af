using System.Globalization;

namespace AnprExchange.Hotlists.Csv;

/// <summary>
/// ISO 8601 dates of valid_from / valid_until. A date and time needs an offset ("Z" or "+01:00"): a list crosses
/// borders, so local time is ambiguous. A bare date ("2026-12-31") means the start of that day (UTC) for valid_from
/// and the end of that day (UTC, i.e. the next midnight, exclusive) for valid_until, so the whole day is included.
/// Accepted: yyyy-MM-dd, and yyyy-MM-ddTHH:mm[:ss[.fffffff]] followed by Z or ±HH:mm (T and Z in either case).
/// Parsed by hand: a million rows with two dates each is the common case, and TryParseExact with several formats is slow.
/// </summary>
internal static class HotlistCsvDates
{
    public static bool TryParse(string text, bool isEnd, out DateTimeOffset value, out string? error)
    {
        error = null;
        var s = text.AsSpan();
        if (s.Length == 10 && TryDate(s, out var date))
        {
            var start = new DateTimeOffset(date, TimeSpan.Zero);
            value = isEnd ? start.AddDays(1) : start;
            return true;
        }
        if (s.Length >= 17 && (s[10] is 'T' or 't') && TryDate(s[..10], out date) && TryTimeAndOffset(s[11..], out var time, out var offset, out var hasOffset))
        {
            if (hasOffset)
            {
                value = new DateTimeOffset(date.Add(time), offset).ToUniversalTime();
                return true;
            }
            value = default;
            error = $"'{text}' has no offset: write Z or +hh:mm (e.g. 2026-12-04T10:15:00Z)";
            return false;
        }
        value = default;
        error = $"'{text}' is not an ISO 8601 date (2026-12-04) or date and time with offset (2026-12-04T10:15:00Z)";
        return false;
    }

    private static bool TryDate(ReadOnlySpan<char> s, out DateTime date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    /// <summary>HH:mm[:ss[.f…]] then Z, ±HH:mm or nothing (reported as a missing offset).</summary>
    private static bool TryTimeAndOffset(ReadOnlySpan<char> s, out TimeSpan time, out TimeSpan offset, out bool hasOffset)
    {
        (time, offset, hasOffset) = (default, default, false);
        if (s.Length < 5 || s[2] != ':' || !TryDigits(s[..2], out var hour) || !TryDigits(s.Slice(3, 2), out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }
        var rest = s[5..];
        var second = 0;
        long fractionTicks = 0;
        if (rest.Length >= 3 && rest[0] == ':')
        {
            if (!TryDigits(rest.Slice(1, 2), out second) || second > 59)
            {
                return false;
            }
            rest = rest[3..];
            if (rest.Length >= 2 && rest[0] == '.')
            {
                var digits = 1;
                while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
                {
                    digits++;
                }
                var fraction = rest[1..digits];
                if (fraction.IsEmpty || fraction.Length > 7)
                {
                    return false;
                }
                fractionTicks = long.Parse(fraction, NumberStyles.None, CultureInfo.InvariantCulture) * Pow10(7 - fraction.Length);
                rest = rest[digits..];
            }
        }
        time = new TimeSpan(hour, minute, second) + TimeSpan.FromTicks(fractionTicks);
        if (rest.IsEmpty)
        {
            return true; // no offset: the caller says so
        }
        if (rest is ['Z' or 'z'])
        {
            hasOffset = true;
            return true;
        }
        if (rest.Length == 6 && rest[0] is '+' or '-' && rest[3] == ':'
            && TryDigits(rest.Slice(1, 2), out var offsetHours) && TryDigits(rest.Slice(4, 2), out var offsetMinutes)
            && offsetHours <= 14 && offsetMinutes <= 59)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            offset = rest[0] == '-' ? -offset : offset;
            hasOffset = offset.Duration() <= TimeSpan.FromHours(14);
            return hasOffset;
        }
        return false;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    private static long Pow10(int exponent)
    {
        long result = 1;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }
        return result;
    }
}
