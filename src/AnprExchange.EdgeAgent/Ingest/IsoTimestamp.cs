namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The timestamp form cameras send, <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> with <c>Z</c> or <c>±HH:mm</c>, parsed without
/// allocation. Returns false for anything else (other ISO 8601 forms, invalid dates), which the general parser judges.
/// </summary>
internal static class IsoTimestamp
{
    private static readonly int[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        // 2026-12-04T10:15:30Z is the shortest form: 20 bytes.
        if (text.Length < 20 || text.Length > 33 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var at = 19;
        long fractionTicks = 0;
        if (text[at] == '.')
        {
            var start = ++at;
            while (at < text.Length && (uint)(text[at] - '0') <= 9)
            {
                at++;
            }
            var count = at - start;
            if (count is < 1 or > 7 || !Digits(text, start, count, out var fraction))
            {
                return false;
            }
            fractionTicks = fraction;
            for (var i = count; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }
        if (at >= text.Length)
        {
            return false;
        }
        TimeSpan offset;
        if (text[at] == 'Z' && at + 1 == text.Length)
        {
            offset = TimeSpan.Zero;
        }
        else if ((text[at] == '+' || text[at] == '-') && at + 6 == text.Length && text[at + 3] == ':'
            && Digits(text, at + 1, 2, out var offsetHours) && Digits(text, at + 4, 2, out var offsetMinutes) && offsetHours <= 13 && offsetMinutes <= 59)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            offset = text[at] == '-' ? -offset : offset;
        }
        else
        {
            return false;
        }
        var leap = DateTime.IsLeapYear(year) && month > 2 ? 1 : 0;
        var y = year - 1;
        long days = (y * 365) + (y / 4) - (y / 100) + (y / 400) + DaysBeforeMonth[month - 1] + leap + day - 1;
        var ticks = (days * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fractionTicks;
        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return false;
            }
            value = (value * 10) + (int)digit;
        }
        return true;
    }
}
