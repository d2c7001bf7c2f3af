using System.Runtime.InteropServices;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Core.Index;

/// <summary>
/// The fixed-size attributes of one entry, 16 bytes, read on a skeleton hit. Members: the entry plate's member bits
/// under its skeleton (<see cref="Plates.OcrKey"/>). Validity in whole Unix seconds (0 = open start,
/// uint.MaxValue = open end); the exact bound is checked in the cold record only when the read falls in a bound's
/// second. Flags: category bits 0–3, action bits 4–5, covert bit 6, last entry of its skeleton group bit 7.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct HotEntry
{
    public uint Members;
    public uint ValidFrom;
    public uint ValidUntil;
    public ushort ListId;
    public byte Priority;
    public byte Flags;

    public const byte LastFlag = 0x80;
    public const byte CovertFlag = 0x40;

    public readonly bool IsLast => (Flags & LastFlag) != 0;

    public static byte PackFlags(HotlistCategory category, HotlistAction action, bool covert) =>
        (byte)(((byte)category & 0x0F) | (((byte)action & 0x03) << 4) | (covert ? CovertFlag : 0));
}
