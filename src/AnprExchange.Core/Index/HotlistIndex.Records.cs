using AnprExchange.Core.Hotlists;

namespace AnprExchange.Core.Index;

public sealed partial class HotlistIndex
{
    /// <summary>The live entries, optionally of one list, for export and snapshots (allocates; cold path).</summary>
    public IReadOnlyList<HotlistEntry> GetEntries(HotlistId? hotlist = null)
    {
        lock (_writeGate)
        {
            var result = new List<HotlistEntry>();
            var lists = _lists.ToArray();
            int? only = hotlist is { } h ? (_listIds.TryGetValue(h, out var listId) ? listId : -1) : null;
            for (var id = 0; id < _records.Count; id++)
            {
                ref var row = ref _records[id];
                if (!row.Dead && (only is null || row.Hot.ListId == only))
                {
                    result.Add(ToEntry(_records, lists, id));
                }
            }
            return result;
        }
    }

    /// <summary>The lists the index has seen, with their OCR tolerance.</summary>
    public IReadOnlyList<(HotlistId Hotlist, int OcrTolerance)> GetLists()
    {
        lock (_writeGate)
        {
            return [.. _lists.Select((l, i) => (l, (int)_tolerances[i]))];
        }
    }

    /// <summary>
    /// Starts a fresh record store holding only live rows and rebuilds every shard over it, then publishes; readers
    /// keep using the generation they hold. Runs by itself when dead rows outnumber live ones (and exceed 100,000).
    /// </summary>
    public void Compact() => Compact(null);

    /// <summary>
    /// As <see cref="Compact()"/>, and also drops entries whose validity ended at or before <paramref name="expiredAt"/>:
    /// they no longer match reads of that time anyway, so memory need not wait for a new push to remove them.
    /// </summary>
    public void Compact(DateTimeOffset? expiredAt)
    {
        lock (_writeGate)
        {
            CompactLocked(expiredAt?.UtcTicks ?? long.MinValue);
        }
    }

    internal static HotlistEntry ToEntry(RecordStore records, HotlistId[] lists, int id)
    {
        ref var row = ref records[id];
        var text = records.Text;
        var list = lists[row.Hot.ListId];
        return new HotlistEntry
        {
            SourceCountry = list.SourceCountry,
            List = list.List,
            EntryId = text.GetString(row.EntryId) ?? "",
            Plate = text.GetString(row.Plate) ?? "",
            PlateCountry = text.GetString(row.PlateCountry),
            Category = (HotlistCategory)(row.Hot.Flags & 0x0F),
            Action = (HotlistAction)((row.Hot.Flags >> 4) & 0x03),
            Priority = row.Hot.Priority,
            Covert = (row.Hot.Flags & HotEntry.CovertFlag) != 0,
            ValidFrom = row.ValidFromTicks == long.MinValue ? null : new DateTimeOffset(row.ValidFromTicks, TimeSpan.Zero),
            ValidUntil = row.ValidUntilTicks == long.MaxValue ? null : new DateTimeOffset(row.ValidUntilTicks, TimeSpan.Zero),
            Reference = text.GetString(row.Reference),
            Remarks = text.GetString(row.Remarks),
        };
    }

    private void CompactLocked(long expiredAtTicks = long.MinValue)
    {
        var old = _records;
        var records = new RecordStore();
        var entryIds = new EntryIdMap(old.LiveCount);
        var patterns = new HashSet<int>();
        var pending = NewBatch();
        for (var id = 0; id < old.Count; id++)
        {
            ref var row = ref old[id];
            if (row.Dead || row.ValidUntilTicks <= expiredAtTicks)
            {
                continue;
            }
            var copy = row;
            copy.EntryId = records.Text.Append(old.Text.Get(row.EntryId), row.EntryId.IsNull);
            copy.Plate = records.Text.Append(old.Text.Get(row.Plate), row.Plate.IsNull);
            copy.PlateCountry = records.Text.Append(old.Text.Get(row.PlateCountry), row.PlateCountry.IsNull);
            copy.Reference = records.Text.Append(old.Text.Get(row.Reference), row.Reference.IsNull);
            copy.Remarks = records.Text.Append(old.Text.Get(row.Remarks), row.Remarks.IsNull);
            var newId = records.Add(copy);
            entryIds.Add(EntryIdMap.Hash(copy.Hot.ListId, records.Text.Get(copy.EntryId)), newId);
            if (copy.IsPattern)
            {
                patterns.Add(newId);
            }
            else
            {
                pending.Add(ShardOf(copy.Key.Skeleton), copy, newId);
            }
        }
        _entryIds.Dispose();
        _records = records;
        _entryIds = entryIds;
        _patternIds = patterns;
        pending.PatternsChanged = true;

        var shards = new IndexShard[1 << _shardBits];
        Array.Fill(shards, IndexShard.Empty);
        var current = _current;
        Publish(pending, new IndexGeneration(shards, ShardShift, WildcardSet.Empty, current.Tolerances, current.Lists, records, current.Version, 0));
    }
}
