using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The 19-byte head <c>yyyy-MM-ddTHH:mm:ss</c>: its digits and separators checked and its six numbers read. With SSSE3,
/// two 16-byte vectors (bytes 0..15 and 3..18) are checked against per-byte bounds in one compare each, the 14 digits
/// gathered by one shuffle each and paired by one multiply-add; otherwise three little-endian words do the same.
/// </summary>
internal static partial class IsoTimestamp
{
    // Which bytes of each head word must be digits, and which hold a fixed separator (and the separators' values).
    private const ulong DateDigits = 0x00FF_FF00_FFFF_FFFF;     // yyyy-MM-
    private const ulong DateSeparators = 0xFF00_00FF_0000_0000;
    private const ulong DateSeparatorBytes = 0x2D00_002D_0000_0000; // '-' at 4 and 7
    private const ulong DayTimeDigits = 0xFFFF_00FF_FF00_FFFF;  // ddTHH:mm
    private const ulong DayTimeSeparators = 0x0000_FF00_00FF_0000;
    private const ulong DayTimeSeparatorBytes = 0x0000_3A00_0054_0000; // 'T' at 10, ':' at 13
    private const ulong SecondDigits = 0xFFFF_0000_0000_0000;   // (HH:mm):ss
    private const ulong SecondSeparators = 0x0000_FF00_0000_0000;
    private const ulong SecondSeparatorBytes = 0x0000_3A00_0000_0000; // ':' at 16

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryReadHeadVector(ref byte at, out int year, out int month, out int day, out uint hour, out uint minute, out uint second)
    {
        year = month = day = 0;
        hour = minute = second = 0;
        var low = Vector128.LoadUnsafe(ref at);
        var high = Vector128.LoadUnsafe(ref at, 3);
        // Byte minus its lower bound must not exceed its range: 9 for a digit, 0 for a separator, 255 for don't care.
        var lowFloor = Vector128.Create((byte)'0', (byte)'0', (byte)'0', (byte)'0', (byte)'-', (byte)'0', (byte)'0', (byte)'-', (byte)'0', (byte)'0', (byte)'T', (byte)'0', (byte)'0', (byte)':', (byte)'0', (byte)'0');
        var lowRange = Vector128.Create(9, 9, 9, 9, 0, 9, 9, 0, 9, 9, 0, 9, 9, 0, 9, (byte)9);
        var highFloor = Vector128.Create(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)':', (byte)'0', (byte)'0');
        var highRange = Vector128.Create(255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 0, 9, (byte)9);
        if (Vector128.GreaterThanAny(low - lowFloor, lowRange) || Vector128.GreaterThanAny(high - highFloor, highRange))
        {
            return false;
        }
        // The 14 digits side by side (an index of 0x80 gives 0), then 10 × first + second for each pair.
        var zero = Vector128.Create((byte)'0');
        var digits = Ssse3.Shuffle(low - zero, Vector128.Create(0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 0x80, 0x80, 0x80, (byte)0x80))
            | Ssse3.Shuffle(high - zero, Vector128.Create(0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 14, 15, 0x80, (byte)0x80));
        var pairs = Ssse3.MultiplyAddAdjacent(digits, Vector128.Create(10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, 1, 10, (sbyte)1)).AsUInt16();
        year = (pairs.GetElement(0) * 100) + pairs.GetElement(1);
        month = pairs.GetElement(2);
        day = pairs.GetElement(3);
        hour = pairs.GetElement(4);
        minute = pairs.GetElement(5);
        second = pairs.GetElement(6);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryReadHeadScalar(ref byte at, out int year, out int month, out int day, out uint hour, out uint minute, out uint second)
    {
        year = month = day = 0;
        hour = minute = second = 0;
        var date = Unsafe.ReadUnaligned<ulong>(ref at);
        var dayTime = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, 8));
        var seconds = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref at, 11));
        var bad = (NonDigits(date) & DateDigits) | ((date & DateSeparators) ^ DateSeparatorBytes)
            | (NonDigits(dayTime) & DayTimeDigits) | ((dayTime & DayTimeSeparators) ^ DayTimeSeparatorBytes)
            | (NonDigits(seconds) & SecondDigits) | ((seconds & SecondSeparators) ^ SecondSeparatorBytes);
        if (bad != 0)
        {
            return false;
        }
        // Byte k of a pair word is 10 × digit k + digit k+1 (no byte overflows: both are at most 15).
        var datePairs = Pairs(date);
        var dayTimePairs = Pairs(dayTime);
        year = (int)((Byte(datePairs, 0) * 100) + Byte(datePairs, 2));
        month = (int)Byte(datePairs, 5);
        day = (int)Byte(dayTimePairs, 0);
        hour = Byte(dayTimePairs, 3);
        minute = Byte(dayTimePairs, 6);
        second = Byte(Pairs(seconds), 6);
        return true;
    }
}
