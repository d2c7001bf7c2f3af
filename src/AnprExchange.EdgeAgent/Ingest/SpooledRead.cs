using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using AnprExchange.Contracts.Records;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The bytes of one accepted read inside the spool: fixed 44-byte head, then five u16-length-prefixed UTF-8 strings.
/// [0] version=1 [1] flags [2..10) timestamp UTC ticks [10..12) offset minutes [12..20) ingested UTC ticks
/// [20..28) confidence [28..36) lat [36..44) lon; then readId, cameraId, plate, country, direction. Little-endian.
/// </summary>
public static class SpooledRead
{
    public const byte Version = 1;
    public const int HeadLength = 44;
    private const int ReadIdOffset = HeadLength;

    [Flags]
    public enum Fields : byte
    {
        None = 0,
        Country = 1,
        Confidence = 2,
        Lat = 4,
        Lon = 8,
        Direction = 16,
    }

    /// <summary>Largest payload for strings of the given total length.</summary>
    public static int MaxLength(int stringBytes) => HeadLength + (5 * sizeof(ushort)) + stringBytes;

    public static void WriteHead(Span<byte> destination, Fields fields, DateTimeOffset timestamp, DateTimeOffset ingestedAt, double confidence, double lat, double lon)
    {
        destination[0] = Version;
        destination[1] = (byte)fields;
        BinaryPrimitives.WriteInt64LittleEndian(destination[2..], timestamp.UtcTicks);
        BinaryPrimitives.WriteInt16LittleEndian(destination[10..], (short)timestamp.TotalOffsetMinutes);
        BinaryPrimitives.WriteInt64LittleEndian(destination[12..], ingestedAt.UtcTicks);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[20..], confidence);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[28..], lat);
        BinaryPrimitives.WriteDoubleLittleEndian(destination[36..], lon);
    }

    /// <summary>The head from the timestamp's UTC ticks and offset minutes, as <see cref="WriteHead(Span{byte}, Fields, DateTimeOffset, DateTimeOffset, double, double, double)"/> writes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteHead(Span<byte> destination, Fields fields, long timestampUtcTicks, short offsetMinutes, long ingestedUtcTicks, double confidence, double lat, double lon)
    {
        if (destination.Length < HeadLength || !BitConverter.IsLittleEndian)
        {
            WriteHead(destination, fields, new DateTimeOffset(timestampUtcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes)), new DateTimeOffset(ingestedUtcTicks, TimeSpan.Zero), confidence, lat, lon);
            return;
        }
        // One length check for the whole head, then plain little-endian stores.
        ref var head = ref MemoryMarshal.GetReference(destination);
        head = Version;
        Unsafe.Add(ref head, 1) = (byte)fields;
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref head, 2), timestampUtcTicks);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref head, 10), offsetMinutes);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref head, 12), ingestedUtcTicks);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref head, 20), confidence);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref head, 28), lat);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref head, 36), lon);
    }

    /// <summary>Writes a u16 length and the bytes at <paramref name="offset"/>; returns the new offset.</summary>
    public static int WriteString(Span<byte> destination, int offset, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination[offset..], (ushort)value.Length);
        CopySmall(value, destination[(offset + sizeof(ushort))..]);
        return offset + sizeof(ushort) + value.Length;
    }

    /// <summary>
    /// <see cref="WriteString"/> without bounds checks, for a writer that checked once that the whole record fits
    /// (<paramref name="payload"/> has room for the length and the bytes at <paramref name="offset"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int WriteStringUnchecked(ref byte payload, int offset, ReadOnlySpan<byte> value)
    {
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref payload, offset), BitConverter.IsLittleEndian ? (ushort)value.Length : BinaryPrimitives.ReverseEndianness((ushort)value.Length));
        CopySmall(value, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref payload, offset + sizeof(ushort)), value.Length));
        return offset + sizeof(ushort) + value.Length;
    }

    /// <summary>Copies a short string (ids, plates, codes: mostly under 16 bytes) inline, with two overlapping loads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void CopySmall(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        var length = value.Length;
        if ((uint)length > 16 || destination.Length < length)
        {
            value.CopyTo(destination);
            return;
        }
        ref var source = ref MemoryMarshal.GetReference(value);
        ref var target = ref MemoryMarshal.GetReference(destination);
        if (length >= 8)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<ulong>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref source, length - 8)));
        }
        else if (length >= 4)
        {
            Unsafe.WriteUnaligned(ref target, Unsafe.ReadUnaligned<uint>(ref source));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, length - 4), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, length - 4)));
        }
        else
        {
            for (var i = 0; i < length; i++)
            {
                Unsafe.Add(ref target, i) = Unsafe.Add(ref source, i);
            }
        }
    }

    /// <summary>The read id, without copying (for the <c>ok &lt;readId&gt;</c> reply).</summary>
    public static ReadOnlySpan<byte> ReadId(ReadOnlySpan<byte> payload) => StringAt(payload, ReadIdOffset, out _);

    /// <summary>The camera id, without copying (the Kafka key).</summary>
    public static ReadOnlySpan<byte> CameraId(ReadOnlySpan<byte> payload)
    {
        StringAt(payload, ReadIdOffset, out var next);
        return StringAt(payload, next, out _);
    }

    /// <summary>Builds the contract record; called by the forwarder, off the ingest hot path.</summary>
    public static PlateRead Decode(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < HeadLength || payload[0] != Version)
        {
            throw new InvalidDataException("Spooled read has an unknown version or is too short.");
        }
        var fields = (Fields)payload[1];
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(payload[2..]);
        var offset = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(payload[10..]));
        var ingested = BinaryPrimitives.ReadInt64LittleEndian(payload[12..]);
        var confidence = BinaryPrimitives.ReadDoubleLittleEndian(payload[20..]);
        var lat = BinaryPrimitives.ReadDoubleLittleEndian(payload[28..]);
        var lon = BinaryPrimitives.ReadDoubleLittleEndian(payload[36..]);
        var readId = StringAt(payload, ReadIdOffset, out var next);
        var cameraId = StringAt(payload, next, out next);
        var plate = StringAt(payload, next, out next);
        var country = StringAt(payload, next, out next);
        var direction = StringAt(payload, next, out _);
        return new PlateRead
        {
            ReadId = Encoding.UTF8.GetString(readId),
            CameraId = Encoding.UTF8.GetString(cameraId),
            Timestamp = new DateTimeOffset(ticks + offset.Ticks, offset),
            Plate = Encoding.UTF8.GetString(plate),
            Country = (fields & Fields.Country) != 0 ? Encoding.UTF8.GetString(country) : null,
            Confidence = (fields & Fields.Confidence) != 0 ? confidence : null,
            Lat = (fields & Fields.Lat) != 0 ? lat : null,
            Lon = (fields & Fields.Lon) != 0 ? lon : null,
            Direction = (fields & Fields.Direction) != 0 ? Encoding.UTF8.GetString(direction) : null,
            IngestedAt = new DateTimeOffset(ingested, TimeSpan.Zero),
        };
    }

    private static ReadOnlySpan<byte> StringAt(ReadOnlySpan<byte> payload, int offset, out int next)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(payload[offset..]);
        next = offset + sizeof(ushort) + length;
        return payload.Slice(offset + sizeof(ushort), length);
    }
}
