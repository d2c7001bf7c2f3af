using System.Runtime.CompilerServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>The properties of the read JSON the agent knows; anything else is ignored.</summary>
internal enum ReadField
{
    Other,
    ReadId,
    CameraId,
    Timestamp,
    Plate,
    Country,
    Confidence,
    Lat,
    Lon,
    Direction,
}

internal static class ReadFieldNames
{
    public static ReadField Identify(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("lat"u8) => ReadField.Lat,
        3 when name.SequenceEqual("lon"u8) => ReadField.Lon,
        5 when name.SequenceEqual("plate"u8) => ReadField.Plate,
        6 when name.SequenceEqual("readId"u8) => ReadField.ReadId,
        7 when name.SequenceEqual("country"u8) => ReadField.Country,
        8 when name.SequenceEqual("cameraId"u8) => ReadField.CameraId,
        9 when name.SequenceEqual("timestamp"u8) => ReadField.Timestamp,
        9 when name.SequenceEqual("direction"u8) => ReadField.Direction,
        10 when name.SequenceEqual("confidence"u8) => ReadField.Confidence,
        _ => ReadField.Other,
    };

    // The first eight bytes of each name as a little-endian ulong (shorter names zero-padded); the ninth and tenth
    // bytes of the longer names are compared on their own.
    private const ulong Lat = 0x74616c;
    private const ulong Lon = 0x6e6f6c;
    private const ulong Plate = 0x6574616c70;
    private const ulong ReadId = 0x644964616572;
    private const ulong Country = 0x7972746e756f63;
    private const ulong CameraId = 0x64496172656d6163;
    private const ulong Timestam = 0x6d617473656d6974;
    private const ulong Directio = 0x6f69746365726964;
    private const ulong Confiden = 0x6e656469666e6f63;
    private const ushort Ce = 0x6563;

    /// <summary>
    /// The same answer as <see cref="Identify(ReadOnlySpan{byte})"/> for the <paramref name="length"/> bytes at
    /// <paramref name="name"/>, from one unaligned load: the caller guarantees that eight bytes from
    /// <paramref name="name"/> on are readable (bytes past the name are masked off).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadField Identify(ref byte name, int length)
    {
        var head = Unsafe.ReadUnaligned<ulong>(ref name);
        switch (length)
        {
            case 3:
                head &= 0xFF_FFFF;
                return head == Lat ? ReadField.Lat : head == Lon ? ReadField.Lon : ReadField.Other;
            case 5:
                return (head & 0xFF_FFFF_FFFF) == Plate ? ReadField.Plate : ReadField.Other;
            case 6:
                return (head & 0xFFFF_FFFF_FFFF) == ReadId ? ReadField.ReadId : ReadField.Other;
            case 7:
                return (head & 0xFF_FFFF_FFFF_FFFF) == Country ? ReadField.Country : ReadField.Other;
            case 8:
                return head == CameraId ? ReadField.CameraId : ReadField.Other;
            case 9:
                var ninth = Unsafe.Add(ref name, 8);
                return head == Timestam && ninth == (byte)'p' ? ReadField.Timestamp
                    : head == Directio && ninth == (byte)'n' ? ReadField.Direction
                    : ReadField.Other;
            case 10:
                return head == Confiden && Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref name, 8)) == Ce ? ReadField.Confidence : ReadField.Other;
            default:
                return ReadField.Other;
        }
    }
}
