using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The timestamp form cameras send, <c>yyyy-MM-ddTHH:mm:ss[.f…]</c> with <c>Z</c> or <c>±HH:mm</c>, parsed without
/// allocation into what the spool record keeps: UTC ticks and the offset in minutes. Returns false for anything else
/// (other ISO 8601 forms, invalid dates), which the general parser judges. The 19-byte head is read as vectors or words
/// (IsoTimestamp.Head.cs); the zone is the top of the last word, and the fraction (1..7 digits, between byte 19's dot
/// and the zone) one more word. Input is ASCII (the fast path's strings are), so no byte carries into the next.
/// </summary>
internal static partial class IsoTimestamp
{
    private static readonly short[] DaysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];
    private static readonly long[] FractionScale = [0, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    private const ulong OffsetDigits = 0xFFFF_00FF_FF00_0000;   // (..)±HH:mm
    private const ulong OffsetSeparator = 0x0000_FF00_0000_0000;
    private const ulong OffsetSeparatorByte = 0x0000_3A00_0000_0000;

    public static bool TryParse(ReadOnlySpan<byte> text, out long utcTicks, out short offsetMinutes)
    {
        utcTicks = 0;
        offsetMinutes = 0;
        // 2026-12-04T10:15:30Z is the shortest form: 20 bytes.
        if (text.Length < 20 || text.Length > 33 || !BitConverter.IsLittleEndian)
        {
            return false;
        }
        ref var at = ref MemoryMarshal.GetReference(text);
        if (!(Ssse3.IsSupported
            ? TryReadHeadVector(ref at, out var year, out var month, out var day, out var hour, out var minute, out var second)
            : TryReadHeadScalar(ref at, out year, out month, out day, out hour, out minute, out second)))
        {
            return false;
        }
        if ((uint)(year - 2) > 9998 - 2 || (uint)(month - 1) > 11 || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        // Unsigned: the divisions by constants become multiplications and shifts. The month is 1..12 (checked above).
        var leap = (year & 3) == 0 && ((uint)year % 100 != 0 || (uint)year % 400 == 0);
        ref var daysBeforeMonth = ref MemoryMarshal.GetArrayDataReference(DaysBeforeMonth);
        var daysBefore = Unsafe.Add(ref daysBeforeMonth, month - 1) + (leap && month > 2 ? 1 : 0);
        var daysInMonth = Unsafe.Add(ref daysBeforeMonth, month) + (leap && month >= 2 ? 1 : 0) - daysBefore;
        if (day < 1 || day > daysInMonth)
        {
            return false;
        }

        // The zone ends the text: Z, or ±HH:mm (the top six bytes of the last word); between it and the head lies the
        // fraction.
        var tail = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, text.Length - 8));
        int offset;
        int zone;
        if ((byte)(tail >> 56) == (byte)'Z')
        {
            zone = text.Length - 1;
            offset = 0;
        }
        else
        {
            zone = text.Length - 6;
            var sign = (byte)(tail >> 16);
            if ((sign != (byte)'+' && sign != (byte)'-') || ((NonDigits(tail) & OffsetDigits) | ((tail & OffsetSeparator) ^ OffsetSeparatorByte)) != 0)
            {
                return false;
            }
            var offsetPairs = Pairs(tail);
            var offsetHours = Byte(offsetPairs, 3);
            var minutes = Byte(offsetPairs, 6);
            if (offsetHours > 13 || minutes > 59)
            {
                return false;
            }
            offset = (int)((offsetHours * 60) + minutes);
            offset = sign == (byte)'-' ? -offset : offset;
        }
        long fractionTicks = 0;
        if (zone != 19)
        {
            // A dot at 19, then 1..7 digits up to the zone: the last eight bytes before the zone hold them on top.
            var digits = zone - 20;
            if (zone < 19 || Unsafe.Add(ref at, 19) != (byte)'.' || (uint)(digits - 1) > 6)
            {
                return false;
            }
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, zone - 8));
            var mask = ulong.MaxValue << (8 * (8 - digits));
            if ((NonDigits(word) & mask) != 0)
            {
                return false;
            }
            // Zeroed bytes below the digits are leading zeros.
            fractionTicks = (long)EightDigits(word & mask) * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(FractionScale), digits);
        }
        var y = (uint)(year - 1);
        long days = (y * 365) + (y / 4) - (y / 100) + (y / 400) + daysBefore + day - 1;
        var ticks = (days * TimeSpan.TicksPerDay) + (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute) + (second * TimeSpan.TicksPerSecond) + fractionTicks;
        // Years 2..9998 and offsets under 14 hours: always inside DateTimeOffset's range, which the general parser's
        // value has to be in too.
        utcTicks = ticks - (offset * TimeSpan.TicksPerMinute);
        offsetMinutes = (short)offset;
        return true;
    }

    /// <summary>A high nibble set in each byte of <paramref name="word"/> that is not an ASCII digit (exact for ASCII input).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong NonDigits(ulong word)
    {
        var x = word ^ 0x3030_3030_3030_3030;
        return (x | (x + 0x0606_0606_0606_0606)) & 0xF0F0_F0F0_F0F0_F0F0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pairs(ulong word)
    {
        var x = word & 0x0F0F_0F0F_0F0F_0F0F;
        return (x * 10) + (x >> 8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Byte(ulong word, int index) => (byte)(word >> (8 * index));

    /// <summary>The value of eight digit bytes (first byte most significant), as JsonNumber computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigits(ulong word)
    {
        var v = Pairs(word);
        return (((v & 0x0000_00FF_0000_00FF) * (100 + (1_000_000UL << 32))) + (((v >> 16) & 0x0000_00FF_0000_00FF) * (1 + (10_000UL << 32)))) >> 32;
    }
}
