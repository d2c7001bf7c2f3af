using System.Runtime.ExceptionServices;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

// The bulk path (a build, a full push, a snapshot-sized batch): the same result as applying the changes one by one,
// with the per-entry work on every core. Only the entry-id map pass is sequential (it decides which record an entry
// replaces), and it prefetches the slots it will probe.
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

        // Pass 2, sequential: which record each change replaces; record ids for the upserts, in batch order.
        var upserts = 0;
        for (var i = 0; i < n; i++)
        {
            upserts += changes.IsDelete(i) ? 0 : 1;
        }
        _entryIds.EnsureCapacity(_records.LiveCount + n);
        var first = _records.AddUninitialized(upserts);
        var ids = new int[n];
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
                pending.Killed(existing); // an earlier change of this batch: its row is written dead below
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
            ids[i] = id;
            _entryIds.SetAt(slot, hashes[i], id);
        }

        // Pass 3, parallel: rows, and texts into one text store per partition, adopted in order afterwards.
        var parts = new TextStore[ranges.Length];
        var shardOfNew = new int[upserts];
        Parallel.For(0, ranges.Length, p =>
        {
            Span<byte> entryId = stackalloc byte[256];
            var text = new TextStore();
            var (start, end) = ranges[p];
            for (var i = start; i < end; i++)
            {
                var id = ids[i];
                if (id < 0)
                {
                    continue;
                }
                var change = changes[i];
                var prepared = new PreparedChange(change, patterns[p].GetValueOrDefault(i), keys[i]);
                ref var row = ref _records[id];
                row = ToRow(change.Entry!, lists[i], EntryIdMap.Encode(change.EntryId, entryId), prepared, text);
                shardOfNew[id - first] = row.IsPattern ? -1 : ShardOf(row.Key.Skeleton);
            }
            parts[p] = text;
        });
        var firstChunks = new int[ranges.Length];
        for (var p = 0; p < ranges.Length; p++)
        {
            firstChunks[p] = _records.Text.Adopt(parts[p]);
        }
        Parallel.For(0, ranges.Length, p =>
        {
            var (start, end) = ranges[p];
            for (var i = start; i < end; i++)
            {
                if (ids[i] >= 0)
                {
                    Rebase(ref _records[ids[i]], firstChunks[p]);
                }
            }
        });

        // Pass 4, sequential: dead duplicates, patterns, and the new plates grouped by shard for the shard builds.
        foreach (var id in pending.KilledNew)
        {
            _records.MarkDead(id);
        }
        var shardCount = 1 << _shardBits;
        var starts = new int[shardCount + 1];
        for (var k = 0; k < upserts; k++)
        {
            var id = first + k;
            if (shardOfNew[k] < 0)
            {
                if (pending.IsLiveNew(id))
                {
                    _patternIds.Add(id);
                    pending.PatternsChanged = true;
                }
                continue;
            }
            starts[shardOfNew[k] + 1]++;
        }
        for (var s = 0; s < shardCount; s++)
        {
            starts[s + 1] += starts[s];
        }
        var items = new ShardItem[starts[shardCount]];
        var fill = starts.AsSpan(0, shardCount).ToArray();
        for (var k = 0; k < upserts; k++)
        {
            if (shardOfNew[k] >= 0)
            {
                ref var row = ref _records[first + k];
                items[fill[shardOfNew[k]]++] = new ShardItem(IndexHash.Mix(row.Key.Skeleton), row.Hot, first + k);
            }
        }
        pending.AddGrouped(items, starts);
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
                ref var row = ref records[recordId];
                return row.Hot.ListId == lists[index] && records.Text.Get(row.EntryId).SequenceEqual(entryId);
            }
            Span<byte> theirs = stackalloc byte[256];
            var other = changeOf[recordId - first];
            return lists[other] == lists[index] && EntryIdMap.Encode(changes[other].EntryId, theirs).SequenceEqual(entryId);
        }
    }
}
