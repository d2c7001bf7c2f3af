using System.Runtime.ExceptionServices;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

// The bulk path (a build, a full push, a snapshot-sized batch): the same result as applying the changes one by one,
// with the per-entry work on every core. Only the entry-id map pass is sequential (it decides which record an entry
// replaces); it prefetches the slots it will probe and runs beside the rows-and-texts pass.
public sealed partial class HotlistIndex
{
    /// <summary>Batches of at least this many changes take the bulk path.</summary>
    private const int BulkThreshold = 65_536;
    private const int PrefetchDistance = 16;

    private readonly Lock _listGate = new();

    private void ApplyBulk<TChanges>(TChanges changes)
        where TChanges : struct, IChangeList
    {
        lock (_writeGate)
        {
            var pending = NewBatch();
            ApplyBulkLocked(changes, pending);
            Publish(pending);
        }
    }

    /// <summary>Applies the changes into <paramref name="pending"/> (not published). Validates every change first:
    /// on an invalid one it throws and nothing has changed.</summary>
    private void ApplyBulkLocked<TChanges>(TChanges changes, PendingBatch pending)
        where TChanges : struct, IChangeList
    {
        var n = changes.Count;
        var ranges = Partition(n);

        // Pass 1, parallel: validate, key, list, entry-id hash. Lists first seen here are rolled back on failure.
        var keys = new OcrKey[n];
        var patterns = new Dictionary<int, string>[ranges.Length];
        var lists = new ushort[n];
        var hashes = new ulong[n];
        var listsBefore = _lists.Count;
        var tolerancesBefore = _tolerances;
        var failures = new ExceptionDispatchInfo?[ranges.Length];
        Parallel.For(0, ranges.Length, p =>
        {
            Span<byte> plate = stackalloc byte[PlateNormalizer.MaxLength];
            Span<byte> entryId = stackalloc byte[256];
            var cache = new ListCache();
            var (start, end) = ranges[p];
            var partPatterns = patterns[p] = [];
            try
            {
                for (var i = start; i < end; i++)
                {
                    var change = changes[i];
                    var prepared = PrepareOne(change, plate);
                    keys[i] = prepared.Key;
                    if (prepared.Pattern is { } pattern)
                    {
                        partPatterns[i] = pattern;
                    }
                    var listId = cache.Find(change.Hotlist) ?? cache.Add(change.Hotlist, SharedListIdOf(change.Hotlist));
                    lists[i] = listId;
                    hashes[i] = EntryIdMap.Hash(listId, EntryIdMap.Encode(change.EntryId, entryId));
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                failures[p] = ExceptionDispatchInfo.Capture(e);
            }
        });
        if (Array.Find(failures, f => f is not null) is { } failure)
        {
            RollBackLists(listsBefore, tolerancesBefore);
            failure.Throw();
        }

        // Record ids: the upserts in batch order from the first free row, so each partition's new rows are contiguous.
        var partFirst = new int[ranges.Length + 1];
        for (var p = 0; p < ranges.Length; p++)
        {
            var count = 0;
            for (var i = ranges[p].Start; i < ranges[p].End; i++)
            {
                count += changes.IsDelete(i) ? 0 : 1;
            }
            partFirst[p + 1] = partFirst[p] + count;
        }
        var upserts = partFirst[ranges.Length];
        _entryIds.EnsureCapacity(_records.LiveCount + n);
        var first = _records.AddUninitialized(upserts);

        // Pass 2 on a thread of its own, pass 3 on the others, at once: the entry-id map decides which records a change
        // kills; rows and texts do not depend on that (a row a later change of the batch kills is marked dead after).
        var map = Task.Factory.StartNew(() => MapEntryIds(changes, lists, hashes, first, upserts, pending),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        // Pass 3, parallel: rows, texts into one text store per partition (adopted in order afterwards), shard counts.
        var shardCount = 1 << _shardBits;
        var parts = new TextStore[ranges.Length];
        var shardCounts = new int[ranges.Length][];
        var shardOfNew = new int[upserts];
        Parallel.For(0, ranges.Length, p =>
        {
            Span<byte> entryId = stackalloc byte[256];
            var text = new TextStore();
            var counts = shardCounts[p] = new int[shardCount];
            var id = first + partFirst[p];
            for (var i = ranges[p].Start; i < ranges[p].End; i++)
            {
                if (changes.IsDelete(i))
                {
                    continue;
                }
                var change = changes[i];
                var prepared = new PreparedChange(change, patterns[p].GetValueOrDefault(i), keys[i]);
                ref var row = ref _records[id];
                row = ToRow(change.Entry!, lists[i], EntryIdMap.Encode(change.EntryId, entryId), prepared, text);
                var shard = row.IsPattern ? -1 : ShardOf(row.Key.Skeleton);
                shardOfNew[id - first] = shard;
                if (shard >= 0)
                {
                    counts[shard]++;
                }
                id++;
            }
            parts[p] = text;
        });
        map.GetAwaiter().GetResult();

        var firstChunks = new int[ranges.Length];
        for (var p = 0; p < ranges.Length; p++)
        {
            firstChunks[p] = _records.Text.Adopt(parts[p]);
        }

        // Pass 4: dead duplicates, patterns; the new plates grouped by shard (in id order within a shard) in parallel.
        foreach (var id in pending.KilledNew)
        {
            _records.MarkDead(id);
        }
        for (var k = 0; k < upserts; k++)
        {
            if (shardOfNew[k] < 0 && pending.IsLiveNew(first + k))
            {
                _patternIds.Add(first + k);
                pending.PatternsChanged = true;
            }
        }
        var starts = new int[shardCount + 1];
        var offsets = new int[ranges.Length][];
        for (var p = 0; p < ranges.Length; p++)
        {
            offsets[p] = new int[shardCount];
        }
        for (int s = 0, at = 0; s < shardCount; s++)
        {
            starts[s] = at;
            for (var p = 0; p < ranges.Length; p++)
            {
                offsets[p][s] = at;
                at += shardCounts[p][s];
            }
            starts[s + 1] = at;
        }
        var items = new ShardItem[starts[shardCount]];
        Parallel.For(0, ranges.Length, p =>
        {
            var fill = offsets[p];
            for (var id = first + partFirst[p]; id < first + partFirst[p + 1]; id++)
            {
                ref var row = ref _records[id];
                Rebase(ref row, firstChunks[p]);
                var shard = shardOfNew[id - first];
                if (shard >= 0)
                {
                    items[fill[shard]++] = new ShardItem(IndexHash.Mix(row.Key.Skeleton), row.Hot, id);
                }
            }
        });
        pending.AddGrouped(items, starts);
    }

    /// <summary>
    /// Pass 2, sequential: for each change, through the entry-id map, the record it replaces or deletes (killed), and
    /// the map entry pointing at its own record (ids in batch order, as pass 3 numbers them); the slot of change i + 16 is prefetched while change i is probed.
    /// </summary>
    private void MapEntryIds<TChanges>(TChanges changes, ushort[] lists, ulong[] hashes, int first, int upserts, PendingBatch pending)
        where TChanges : struct, IChangeList
    {
        var n = changes.Count;
        var changeOf = new int[upserts];
        var next = first;
        for (var i = 0; i < n; i++)
        {
            if (i + PrefetchDistance < n)
            {
                _entryIds.Prefetch(hashes[i + PrefetchDistance]);
            }
            _entryIds.ReserveOne();
            var identity = new BatchEntry<TChanges>(changes, lists, changeOf, first, i, _records);
            var slot = _entryIds.FindSlot(hashes[i], ref identity, out var existing);
            if (existing >= first)
            {
                pending.Killed(existing); // an earlier change of this batch: its row is marked dead in pass 4
            }
            else if (existing >= 0)
            {
                Kill(existing, pending);
            }
            var id = -1;
            if (!changes.IsDelete(i))
            {
                id = next++;
                changeOf[id - first] = i;
            }
            _entryIds.SetAt(slot, hashes[i], id);
        }
    }

    /// <summary>A batch as the bulk path reads it: changes, or entries to upsert (a build need not wrap each one).</summary>
    private interface IChangeList
    {
        int Count { get; }
        HotlistChange this[int index] { get; }
        bool IsDelete(int index);
    }

    private readonly struct ChangeList(HotlistChange[] changes) : IChangeList
    {
        public int Count => changes.Length;
        public HotlistChange this[int index] => changes[index];
        public bool IsDelete(int index) => changes[index].IsDelete;
    }

    private readonly struct UpsertList(HotlistEntry[] entries) : IChangeList
    {
        public int Count => entries.Length;
        public HotlistChange this[int index] => HotlistChange.Upsert(entries[index]);
        public bool IsDelete(int index) => false;
    }

    /// <summary>Contiguous ranges of the batch, a few per core (the texts of each go to chunks of their own).</summary>
    private static (int Start, int End)[] Partition(int count)
    {
        var parts = Math.Clamp(count / 16_384, 1, Environment.ProcessorCount * 4);
        var ranges = new (int, int)[parts];
        for (var p = 0; p < parts; p++)
        {
            ranges[p] = ((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts));
        }
        return ranges;
    }

    private ushort SharedListIdOf(HotlistId hotlist)
    {
        lock (_listGate)
        {
            return ListIdOf(hotlist);
        }
    }

    private void RollBackLists(int count, byte[] tolerances)
    {
        for (var i = _lists.Count - 1; i >= count; i--)
        {
            _listIds.Remove(_lists[i]);
            _lists.RemoveAt(i);
        }
        _tolerances = tolerances;
    }

    private static void Rebase(ref RecordRow row, int firstChunk)
    {
        row.EntryId = TextStore.Rebase(row.EntryId, firstChunk);
        row.Plate = TextStore.Rebase(row.Plate, firstChunk);
        row.PlateCountry = TextStore.Rebase(row.PlateCountry, firstChunk);
        row.Reference = TextStore.Rebase(row.Reference, firstChunk);
        row.Remarks = TextStore.Rebase(row.Remarks, firstChunk);
    }

    /// <summary>The last few lists a partition resolved: entries of a batch come from a handful of lists.</summary>
    private struct ListCache
    {
        private HotlistId[]? _lists;
        private ushort[]? _ids;
        private int _count;

        public readonly ushort? Find(HotlistId hotlist)
        {
            for (var i = 0; i < _count; i++)
            {
                if (_lists![i] == hotlist)
                {
                    return _ids![i];
                }
            }
            return null;
        }

        public ushort Add(HotlistId hotlist, ushort id)
        {
            _lists ??= new HotlistId[8];
            _ids ??= new ushort[8];
            var at = _count < 8 ? _count++ : 7;
            _lists[at] = hotlist;
            _ids[at] = id;
            return id;
        }
    }

    /// <summary>Entry identity during pass 2: records of this batch have no row yet, so compare with their changes.</summary>
    private readonly struct BatchEntry<TChanges>(TChanges changes, ushort[] lists, int[] changeOf, int first, int index, RecordStore records)
        : EntryIdMap.IEntryIdentity
        where TChanges : struct, IChangeList
    {
        public bool IsRecordOf(int recordId)
        {
            Span<byte> mine = stackalloc byte[256];
            var entryId = EntryIdMap.Encode(changes[index].EntryId, mine);
            if (recordId < first)
            {
                return new EntryIdMap.StoredEntry(lists[index], entryId, records).IsRecordOf(recordId);
            }
            Span<byte> theirs = stackalloc byte[256];
            var other = changeOf[recordId - first];
            return lists[other] == lists[index] && EntryIdMap.Encode(changes[other].EntryId, theirs).SequenceEqual(entryId);
        }
    }
}
