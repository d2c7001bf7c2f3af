using System.Runtime.InteropServices;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

/// <summary>
/// A read prepared for lookup (40 bytes, no references): its normalised plate, the plate's <see cref="OcrKey"/> and
/// the read's timestamp. Make one per read with <see cref="TryCreate(ReadOnlySpan{byte}, DateTimeOffset, out PlateQuery)"/>
/// straight from the UTF-8 bytes of the message; no allocation.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PlateQuery
{
    internal OcrKey Key;
    internal long UtcTicks;
    internal uint Seconds;
    internal PlateBuffer Plate;
    internal byte Length;

    public readonly OcrKey OcrKey => Key;
    public readonly DateTimeOffset Timestamp => new(UtcTicks, TimeSpan.Zero);

    public readonly string PlateText => Key.ToString();

    /// <summary>Normalises the UTF-8 plate as read ("1-abc-123") and prepares the query.</summary>
    public static PlateStatus TryCreate(ReadOnlySpan<byte> utf8Plate, DateTimeOffset timestamp, out PlateQuery query)
    {
        query = default;
        var status = PlateNormalizer.Normalize(utf8Plate, query.Plate, out var written);
        return status == PlateStatus.Valid ? Complete(ref query, written, timestamp) : status;
    }

    /// <summary>Normalises the UTF-16 plate as read and prepares the query.</summary>
    public static PlateStatus TryCreate(ReadOnlySpan<char> plate, DateTimeOffset timestamp, out PlateQuery query)
    {
        query = default;
        var status = PlateNormalizer.Normalize(plate, query.Plate, out var written);
        return status == PlateStatus.Valid ? Complete(ref query, written, timestamp) : status;
    }

    internal static uint ToSeconds(long utcTicks)
    {
        var seconds = (utcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
        if (utcTicks < DateTime.UnixEpoch.Ticks)
        {
            return 0;
        }
        return seconds >= uint.MaxValue ? uint.MaxValue : (uint)seconds;
    }

    private static PlateStatus Complete(ref PlateQuery query, int length, DateTimeOffset timestamp)
    {
        if (!OcrKey.TryCreate(((ReadOnlySpan<byte>)query.Plate)[..length], out query.Key))
        {
            return PlateStatus.InvalidCharacter;
        }
        query.Length = (byte)length;
        query.UtcTicks = timestamp.UtcTicks;
        query.Seconds = ToSeconds(query.UtcTicks);
        return PlateStatus.Valid;
    }
}
