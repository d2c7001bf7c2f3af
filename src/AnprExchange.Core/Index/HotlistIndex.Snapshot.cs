using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

public sealed partial class HotlistIndex
{
    private const int MaxSnapshotEntries = 500_000_000;

    internal void WriteSnapshot(BinaryWriter writer)
    {
        lock (_writeGate)
        {
            writer.Write(_lists.Count);
            for (var i = 0; i < _lists.Count; i++)
            {
                writer.Write(_lists[i].SourceCountry);
                writer.Write(_lists[i].List);
                writer.Write(_tolerances[i]);
            }
            writer.Write((long)_records.LiveCount);
            var text = _records.Text;
            for (var id = 0; id < _records.Count; id++)
            {
                ref var row = ref _records[id];
                if (row.Dead)
                {
                    continue;
                }
                writer.Write(row.Hot.ListId);
                WriteText(writer, text.Get(row.EntryId));
                WriteText(writer, text.Get(row.Plate));
                WriteOptionalText(writer, text, row.PlateCountry);
                writer.Write((byte)(row.Hot.Flags & 0x0F));
                writer.Write((byte)((row.Hot.Flags >> 4) & 0x03));
                writer.Write(row.Hot.Priority);
                writer.Write((byte)((row.Hot.Flags & HotEntry.CovertFlag) != 0 ? 1 : 0));
                writer.Write(row.ValidFromTicks);
                writer.Write(row.ValidUntilTicks);
                WriteOptionalText(writer, text, row.Reference);
                WriteOptionalText(writer, text, row.Remarks);
            }
        }
    }

    /// <summary>Reads lists and entries into this (unpublished) index; shards are built by <see cref="PublishLoaded"/>.</summary>
    internal object ReadSnapshot(BinaryReader reader, Stream stream)
    {
        var listCount = reader.ReadInt32();
        if (listCount is < 0 or > ushort.MaxValue + 1)
        {
            throw new HotlistSnapshotException($"snapshot is corrupt: {listCount} lists");
        }
        for (var i = 0; i < listCount; i++)
        {
            var hotlist = new HotlistId(reader.ReadString(), reader.ReadString());
            var tolerance = reader.ReadByte();
            if (tolerance > MaxOcrTolerance || _listIds.ContainsKey(hotlist))
            {
                throw new HotlistSnapshotException($"snapshot is corrupt: list {hotlist} (tolerance {tolerance})");
            }
            ListIdOf(hotlist);
            _tolerances[i] = tolerance;
        }
        var count = reader.ReadInt64();
        if (count is < 0 or > MaxSnapshotEntries)
        {
            throw new HotlistSnapshotException($"snapshot is corrupt: {count} entries");
        }
        var pending = NewBatch();
        var buffer = new byte[TextRef.MaxLength];
        var text = _records.Text;
        for (long n = 0; n < count; n++)
        {
            var listId = reader.ReadUInt16();
            if (listId >= listCount)
            {
                throw Corrupt(n, "list number out of range");
            }
            var row = new RecordRow { EntryId = text.Append(ReadText(reader, stream, buffer), isNull: false) };
            var plate = ReadText(reader, stream, buffer);
            row.IsPattern = plate.IndexOfAny((byte)'?', (byte)'*') >= 0;
            if (!row.IsPattern && !OcrKey.TryCreate(plate, out row.Key))
            {
                throw Corrupt(n, "plate is not normalised");
            }
            row.Plate = text.Append(plate, isNull: false);
            row.PlateCountry = ReadOptionalText(reader, stream, buffer, text);
            var category = reader.ReadByte();
            var action = reader.ReadByte();
            var priority = reader.ReadByte();
            var covert = reader.ReadByte();
            if (category > (byte)HotlistCategory.Other || action > (byte)HotlistAction.Seize || priority > 100 || covert > 1)
            {
                throw Corrupt(n, "attribute out of range");
            }
            row.ValidFromTicks = reader.ReadInt64();
            row.ValidUntilTicks = reader.ReadInt64();
            row.Reference = ReadOptionalText(reader, stream, buffer, text);
            row.Remarks = ReadOptionalText(reader, stream, buffer, text);
            row.Hot = new HotEntry
            {
                Members = row.Key.Members,
                ValidFrom = Validity.FromSeconds(row.ValidFromTicks == long.MinValue ? null : row.ValidFromTicks),
                ValidUntil = Validity.UntilSeconds(row.ValidUntilTicks == long.MaxValue ? null : row.ValidUntilTicks),
                ListId = listId,
                Priority = priority,
                Flags = HotEntry.PackFlags((HotlistCategory)category, (HotlistAction)action, covert == 1),
            };
            var id = _records.Add(row);
            _entryIds.Add(EntryIdMap.Hash(listId, text.Get(row.EntryId)), id);
            Track(id, row, pending);
        }
        return pending;
    }

    internal void PublishLoaded(object pending)
    {
        lock (_writeGate)
        {
            Publish((PendingBatch)pending);
        }
    }

    private static HotlistSnapshotException Corrupt(long entry, string reason) =>
        new($"snapshot is corrupt at entry {entry}: {reason}");

    private static void WriteText(BinaryWriter writer, ReadOnlySpan<byte> utf8)
    {
        writer.Write7BitEncodedInt(utf8.Length);
        writer.Write(utf8);
    }

    private static void WriteOptionalText(BinaryWriter writer, TextStore text, TextRef value)
    {
        writer.Write(!value.IsNull);
        if (!value.IsNull)
        {
            WriteText(writer, text.Get(value));
        }
    }

    private static ReadOnlySpan<byte> ReadText(BinaryReader reader, Stream stream, byte[] buffer)
    {
        var length = reader.Read7BitEncodedInt();
        if ((uint)length > TextRef.MaxLength)
        {
            throw new HotlistSnapshotException($"snapshot is corrupt: text of {length} bytes");
        }
        var span = buffer.AsSpan(0, length);
        stream.ReadExactly(span);
        return span;
    }

    private static TextRef ReadOptionalText(BinaryReader reader, Stream stream, byte[] buffer, TextStore text)
    {
        var present = reader.ReadByte();
        return present switch
        {
            0 => default,
            1 => text.Append(ReadText(reader, stream, buffer), isNull: false),
            _ => throw new HotlistSnapshotException($"snapshot is corrupt: presence byte {present}"),
        };
    }
}
