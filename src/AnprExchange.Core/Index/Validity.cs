using System.Runtime.CompilerServices;

namespace AnprExchange.Core.Index;

/// <summary>Validity windows: [from, until) judged by the read's timestamp, seconds on the hot path, ticks at the edges.</summary>
internal static class Validity
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Contains(in HotEntry entry, uint seconds, long utcTicks, RecordStore records, int recordId)
    {
        if (seconds < entry.ValidFrom || seconds > entry.ValidUntil)
        {
            return false;
        }
        return (seconds != entry.ValidFrom && seconds != entry.ValidUntil) || ContainsExactly(utcTicks, records, recordId);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ContainsExactly(long utcTicks, RecordStore records, int recordId)
    {
        ref var row = ref records[recordId];
        return utcTicks >= row.ValidFromTicks && utcTicks < row.ValidUntilTicks;
    }

    public static uint FromSeconds(long? utcTicks) => utcTicks is { } t ? PlateQuery.ToSeconds(t) : 0;

    public static uint UntilSeconds(long? utcTicks) => utcTicks is { } t ? PlateQuery.ToSeconds(t) : uint.MaxValue;
}
