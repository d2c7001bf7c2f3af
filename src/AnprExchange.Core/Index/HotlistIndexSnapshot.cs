using System.Buffers.Binary;

namespace AnprExchange.Core.Index;

/// <summary>
/// Saves a <see cref="HotlistIndex"/> to a file and loads it back. Format (little-endian): magic "ANPRHIX\0",
/// int32 version (1), int32 list count, per list (country, name, byte OCR tolerance), int64 entry count, per entry
/// (uint16 list, entry id, plate, ?plate country, byte category, byte action, byte priority, byte covert,
/// int64 valid-from ticks, int64 valid-until ticks, ?reference, ?remarks), then the CRC-32C of all of it.
/// Texts are 7-bit length-prefixed UTF-8 (? = a presence byte first). A load checks everything and builds the
/// shards only after the checksum verified: a bad file throws <see cref="HotlistSnapshotException"/>, never half-loads.
/// </summary>
public static class HotlistIndexSnapshot
{
    public const int FormatVersion = 1;
    private static ReadOnlySpan<byte> Magic => "ANPRHIX\0"u8;

    public static void Save(HotlistIndex index, string path)
    {
        ArgumentNullException.ThrowIfNull(index);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            Save(index, file);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public static void Save(HotlistIndex index, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(stream);
        var crc = new Crc32CStream(stream);
        using (var writer = new BinaryWriter(crc, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            index.WriteSnapshot(writer);
        }
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, crc.Crc);
        stream.Write(footer);
    }

    public static HotlistIndex Load(string path, int shardBits = HotlistIndex.DefaultShardBits)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Load(file, shardBits);
    }

    public static HotlistIndex Load(Stream stream, int shardBits = HotlistIndex.DefaultShardBits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var crc = new Crc32CStream(stream);
        try
        {
            using var reader = new BinaryReader(crc, System.Text.Encoding.UTF8, leaveOpen: true);
            Span<byte> magic = stackalloc byte[8];
            crc.ReadExactly(magic);
            if (!magic.SequenceEqual(Magic))
            {
                throw new HotlistSnapshotException("not a hotlist index snapshot (bad magic bytes)");
            }
            var version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new HotlistSnapshotException($"snapshot format version {version} is not supported (expected {FormatVersion})");
            }
            var index = new HotlistIndex(shardBits);
            var pending = index.ReadSnapshot(reader, crc);
            var computed = crc.Crc;
            Span<byte> footer = stackalloc byte[4];
            stream.ReadExactly(footer);
            var stored = BinaryPrimitives.ReadUInt32LittleEndian(footer);
            if (stored != computed)
            {
                throw new HotlistSnapshotException($"snapshot checksum mismatch (stored {stored:x8}, computed {computed:x8}): the file is corrupt");
            }
            index.PublishLoaded(pending);
            return index;
        }
        catch (EndOfStreamException e)
        {
            throw new HotlistSnapshotException("snapshot is truncated", e);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidDataException)
        {
            throw new HotlistSnapshotException($"snapshot is corrupt: {e.Message}", e);
        }
    }
}
