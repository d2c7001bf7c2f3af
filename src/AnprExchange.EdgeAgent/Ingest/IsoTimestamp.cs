using System.Runtime.CompilerServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The timestamp form cameras send, <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> with <c>Z</c> or <c>±HH:mm</c>, parsed without
/// allocation. Returns false for anything else (other ISO 8601 forms, invalid dates), which the general parser judges.
/// The fixed 19-byte head is read at fixed offsets: all 14 digits are checked with one comparison of their maximum.
/// </summary>
internal static class IsoTimestamp
{
    private static readonly short[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        // 2026-12-04T10:15:30Z is the shortest form: 20 bytes.
        if (text.Length < 20 || text.Length > 33 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }
        uint y1 = Digit(text[0]), y2 = Digit(text[1]), y3 = Digit(text[2]), y4 = Digit(text[3]);
        uint mo1 = Digit(text[5]), mo2 = Digit(text[6]), d1 = Digit(text[8]), d2 = Digit(text[9]);
        uint h1 = Digit(text[11]), h2 = Digit(text[12]), mi1 = Digit(text[14]), mi2 = Digit(text[15]), s1 = Digit(text[17]), s2 = Digit(text[18]);
        var largest = Math.Max(Math.Max(Math.Max(y1, y2), Math.Max(y3, y4)), Math.Max(Math.Max(mo1, mo2), Math.Max(d1, d2)));
        largest = Math.Max(largest, Math.Max(Math.Max(Math.Max(h1, h2), Math.Max(mi1, mi2)), Math.Max(s1, s2)));
        if (largest > 9)
        {
            return false;
        }
        var year = (int)((y1 * 1000) + (y2 * 100) + (y3 * 10) + y4);
        var month = (int)((mo1 * 10) + mo2);
        var day = (int)((d1 * 10) + d2);
        var hour = (h1 * 10) + h2;
        var minute = (mi1 * 10) + mi2;
        var second = (s1 * 10) + s2;
        if ((uint)(year - 2) > 9998 - 2 || (uint)(month - 1) > 11 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var leap = (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        var daysBefore = DaysBeforeMonth[month - 1] + (leap && month > 2 ? 1 : 0);
        var daysInMonth = DaysBeforeMonth[month] + (leap && month >= 2 ? 1 : 0) - daysBefore;
        if (day < 1 || day > daysInMonth)
        {
            return false;
        }

        var at = 19;
        long fractionTicks = 0;
        if (text[at] == '.')
        {
            var start = ++at;
            uint digit;
            while (at < text.Length && (digit = Digit(text[at])) <= 9)
            {
                fractionTicks = (fractionTicks * 10) + digit;
                at++;
            }
            var count = at - start;
            if (count is < 1 or > 7)
            {
                return false;
            }
            for (var i = count; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }
        if (at >= text.Length)
        {
            return false;
        }
        long offsetTicks;
        var sign = text[at];
        if (sign == 'Z' && at + 1 == text.Length)
        {
            offsetTicks = 0;
        }
        else if ((sign == '+' || sign == '-') && at + 6 == text.Length && text[at + 3] == ':')
        {
            uint oh1 = Digit(text[at + 1]), oh2 = Digit(text[at + 2]), om1 = Digit(text[at + 4]), om2 = Digit(text[at + 5]);
            if (Math.Max(Math.Max(oh1, oh2), Math.Max(om1, om2)) > 9)
            {
                return false;
            }
            var offsetHours = (oh1 * 10) + oh2;
            var offsetMinutes = (om1 * 10) + om2;
            if (offsetHours > 13 || offsetMinutes > 59)
            {
                return false;
            }
            offsetTicks = ((offsetHours * 60) + offsetMinutes) * TimeSpan.TicksPerMinute;
            offsetTicks = sign == '-' ? -offsetTicks : offsetTicks;
        }
        else
        {
            return false;
        }
        var y = year - 1;
        long days = (y * 365) + (y / 4) - (y / 100) + (y / 400) + daysBefore + day - 1;
        var ticks = (days * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fractionTicks;
        value = new DateTimeOffset(ticks, new TimeSpan(offsetTicks));
        return true;
    }

    /// <summary>The digit's value, or more than 9 for any other byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Digit(byte b) => (uint)(b - '0');
}
