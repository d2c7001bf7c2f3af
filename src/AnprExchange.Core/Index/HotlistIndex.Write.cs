using System.Runtime.InteropServices;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

public sealed partial class HotlistIndex
{
    /// <summary>Builds an index over <paramref name="entries"/> in one batch.</summary>
    public static HotlistIndex Build(IEnumerable<HotlistEntry> entries, int shardBits = DefaultShardBits)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var index = new HotlistIndex(shardBits);
        var all = ToArray(entries);
        if (all.Length >= BulkThreshold)
        {
            index.ApplyBulk(new UpsertList(all));
        }
        else
        {
            index.Apply(ToUpserts(all));
        }
        return index;
    }

    public void Upsert(HotlistEntry entry) => Apply([HotlistChange.Upsert(entry)]);

    /// <summary>Deletes an entry by id; false when the list has no such entry.</summary>
    public bool Delete(HotlistId hotlist, string entryId)
    {
        lock (_writeGate)
        {
            if (!_listIds.TryGetValue(hotlist, out var listId)
                || _entryIds.Find(EntryIdMap.Hash(listId, entryId), listId, entryId, _records) < 0)
            {
                return false;
            }
        }
        Apply([HotlistChange.Delete(hotlist.SourceCountry, hotlist.List, entryId)]);
        return true;
    }

    /// <summary>
    /// Applies a batch of upserts and deletes as one generation: readers see all of it or none. Every entry is
    /// validated first; an invalid one throws <see cref="ArgumentException"/> and nothing is applied.
    /// </summary>
    public void Apply(ReadOnlySpan<HotlistChange> changes)
    {
        if (changes.Length >= BulkThreshold)
        {
            ApplyBulk(new ChangeList(changes.ToArray()));
            return;
        }
        var prepared = Prepare(changes);
        lock (_writeGate)
        {
            _entryIds.EnsureCapacity(_records.LiveCount + prepared.Length);
            var pending = NewBatch();
            foreach (var change in prepared)
            {
                ApplyOne(change, pending);
            }
            Publish(pending);
        }
    }

    /// <summary>
    /// Full push: after this the list holds exactly <paramref name="entries"/> — entries of the list absent from
    /// them disappear — published as one generation.
    /// </summary>
    public void ReplaceList(HotlistId hotlist, IEnumerable<HotlistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = ToArray(entries);
        foreach (var entry in all)
        {
            ArgumentNullException.ThrowIfNull(entry, nameof(entries));
            if (entry.Hotlist != hotlist)
            {
                throw new ArgumentException($"entry {entry.EntryId} belongs to {entry.Hotlist}, not {hotlist}", nameof(entries));
            }
        }
        var bulk = all.Length >= BulkThreshold;
        var prepared = bulk ? [] : Prepare(ToUpserts(all));
        lock (_writeGate)
        {
            var pending = NewBatch();
            var before = _records.Count;
            if (bulk)
            {
                ApplyBulkLocked(new UpsertList(all), pending);
            }
            foreach (var change in prepared)
            {
                ApplyOne(change, pending);
            }
            if (_listIds.TryGetValue(hotlist, out var listId))
            {
                for (var id = 0; id < before; id++)
                {
                    ref var row = ref _records[id];
                    if (!row.Dead && row.Hot.ListId == listId)
                    {
                        _entryIds.Remove(EntryIdMap.Hash(listId, _records.Text.Get(row.EntryId)), id);
                        Kill(id, pending);
                    }
                }
            }
            Publish(pending);
        }
    }

    /// <summary>
    /// The entries in an array. Not LINQ's ToArray: over an enumerable of unknown size it builds in ArrayPool segments,
    /// and the pool then keeps hundreds of MB of arrays with references that every later full GC scans.
    /// </summary>
    private static HotlistEntry[] ToArray(IEnumerable<HotlistEntry> entries)
    {
        if (entries is HotlistEntry[] array)
        {
            return array;
        }
        if (entries.TryGetNonEnumeratedCount(out var count))
        {
            var exact = new HotlistEntry[count];
            var i = 0;
            foreach (var entry in entries)
            {
                exact[i++] = entry;
            }
            return exact;
        }
        return new List<HotlistEntry>(entries).ToArray();
    }

    private static HotlistChange[] ToUpserts(HotlistEntry[] entries) => Array.ConvertAll(entries, HotlistChange.Upsert);

    public void RemoveList(HotlistId hotlist) => ReplaceList(hotlist, []);

    /// <summary>Sets how many OCR substitutions (0–2) a read may differ from an entry of the list by.</summary>
    public void SetOcrTolerance(HotlistId hotlist, int tolerance)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tolerance, MaxOcrTolerance);
        lock (_writeGate)
        {
            var listId = ListIdOf(hotlist);
            var tolerances = (byte[])_tolerances.Clone();
            tolerances[listId] = (byte)tolerance;
            _tolerances = tolerances;
            Publish(NewBatch());
        }
    }

    public int GetOcrTolerance(HotlistId hotlist)
    {
        lock (_writeGate)
        {
            return _listIds.TryGetValue(hotlist, out var listId) ? _tolerances[listId] : DefaultOcrTolerance;
        }
    }

    /// <summary>What a batch changed: per shard the plates it added (with what the shard build needs, so the build
    /// reads no record rows), the shards to rebuild, and the records it both added and killed.</summary>
    private sealed class PendingBatch(int shardCount, int firstNewRecord)
    {
        private readonly List<ShardItem>?[] _added = new List<ShardItem>?[shardCount];
        private HashSet<int>? _killedNew;
        private ShardItem[]? _grouped;
        private int[]? _groupStarts;

        public HashSet<int> Touched { get; } = [];
        public bool PatternsChanged { get; set; }

        public void Add(int shard, in RecordRow row, int recordId)
        {
            Touched.Add(shard);
            (_added[shard] ??= []).Add(new ShardItem(IndexHash.Mix(row.Key.Skeleton), row.Hot, recordId));
        }

        public void Killed(int recordId)
        {
            if (recordId >= firstNewRecord)
            {
                (_killedNew ??= []).Add(recordId);
            }
        }

        public bool IsLiveNew(int recordId) => _killedNew is null || !_killedNew.Contains(recordId);

        public bool KilledAnyNew => _killedNew is not null;

        public IEnumerable<int> KilledNew => _killedNew ?? [];

        /// <summary>Items of a bulk apply, grouped by shard: shard s holds items[starts[s]..starts[s + 1]].</summary>
        public void AddGrouped(ShardItem[] items, int[] starts)
        {
            _grouped = items;
            _groupStarts = starts;
            for (var s = 0; s < shardCount; s++)
            {
                if (starts[s + 1] > starts[s])
                {
                    Touched.Add(s);
                }
            }
        }

        public ReadOnlySpan<ShardItem> AddedTo(int shard)
        {
            if (_grouped is not null)
            {
                return _grouped.AsSpan(_groupStarts![shard], _groupStarts[shard + 1] - _groupStarts[shard]);
            }
            return CollectionsMarshal.AsSpan(_added[shard]);
        }

        /// <summary>Drops the added items once built (a bulk build holds hundreds of MB of them).</summary>
        public void Release()
        {
            Array.Clear(_added);
            _grouped = null;
        }
    }

    private PendingBatch NewBatch() => new(1 << _shardBits, _records.Count);

    /// <summary>A validated change: the plate's key, or the normalised pattern.</summary>
    private readonly record struct PreparedChange(HotlistChange Change, string? Pattern, OcrKey Key)
    {
        public bool IsPattern => Pattern is not null;
    }

    private static PreparedChange[] Prepare(ReadOnlySpan<HotlistChange> changes)
    {
        var prepared = new PreparedChange[changes.Length];
        Span<byte> buffer = stackalloc byte[PlateNormalizer.MaxLength];
        for (var i = 0; i < changes.Length; i++)
        {
            prepared[i] = PrepareOne(changes[i], buffer);
        }
        return prepared;
    }

    /// <summary>Validates one change (throws <see cref="ArgumentException"/>) and computes its key or pattern.</summary>
    private static PreparedChange PrepareOne(in HotlistChange change, Span<byte> buffer)
    {
        ArgumentException.ThrowIfNullOrEmpty(change.EntryId);
        ArgumentException.ThrowIfNullOrEmpty(change.Hotlist.SourceCountry);
        ArgumentException.ThrowIfNullOrEmpty(change.Hotlist.List);
        if (change.Entry is not { } entry)
        {
            return new PreparedChange(change, null, default);
        }
        if (entry.Priority is < 0 or > 100)
        {
            throw new ArgumentException($"entry {entry.EntryId}: priority {entry.Priority} is outside 0–100", "changes");
        }
        if (!EntryPlate.IsPattern(entry.Plate))
        {
            var status = PlateNormalizer.Normalize(entry.Plate, buffer, out var length);
            if (status != PlateStatus.Valid || !OcrKey.TryCreate(buffer[..length], out var key))
            {
                throw new ArgumentException($"entry {entry.EntryId}: {status.Describe()}", "changes");
            }
            return new PreparedChange(change, null, key);
        }
        if (!EntryPlate.TryNormalize(entry.Plate, out var pattern, out _, out var error))
        {
            throw new ArgumentException($"entry {entry.EntryId}: {error}", "changes");
        }
        return new PreparedChange(change, pattern, default);
    }

    private void ApplyOne(in PreparedChange prepared, PendingBatch pending)
    {
        var change = prepared.Change;
        var listId = ListIdOf(change.Hotlist);
        Span<byte> buffer = stackalloc byte[256];
        var entryId = EntryIdMap.Encode(change.EntryId, buffer);
        var hash = EntryIdMap.Hash(listId, entryId);
        _entryIds.ReserveOne();
        var slot = _entryIds.FindSlot(hash, listId, entryId, _records, out var existing);
        if (existing >= 0)
        {
            Kill(existing, pending);
        }
        var id = -1;
        if (change.Entry is { } entry)
        {
            var row = ToRow(entry, listId, entryId, prepared, _records.Text);
            id = _records.Add(row);
            Track(id, row, pending);
        }
        _entryIds.SetAt(slot, hash, id);
    }

    private static RecordRow ToRow(HotlistEntry entry, ushort listId, ReadOnlySpan<byte> entryId, in PreparedChange prepared, TextStore text)
    {
        Span<byte> plate = stackalloc byte[PlateNormalizer.MaxLength];
        var plateLength = prepared.IsPattern ? 0 : prepared.Key.CopyTo(plate);
        long? from = entry.ValidFrom?.UtcTicks;
        long? until = entry.ValidUntil?.UtcTicks;
        return new RecordRow
        {
            Key = prepared.Key,
            ValidFromTicks = from ?? long.MinValue,
            ValidUntilTicks = until ?? long.MaxValue,
            EntryId = text.Append(entryId, isNull: false),
            Plate = prepared.IsPattern ? text.Append(prepared.Pattern) : text.Append(plate[..plateLength], isNull: false),
            PlateCountry = text.Append(entry.PlateCountry),
            Reference = text.Append(entry.Reference),
            Remarks = text.Append(entry.Remarks),
            IsPattern = prepared.IsPattern,
            Hot = new HotEntry
            {
                Members = prepared.Key.Members,
                ValidFrom = Validity.FromSeconds(from),
                ValidUntil = Validity.UntilSeconds(until),
                ListId = listId,
                Priority = (byte)entry.Priority,
                Flags = HotEntry.PackFlags(entry.Category, entry.Action, entry.Covert),
            },
        };
    }

    private void Track(int id, in RecordRow row, PendingBatch pending)
    {
        if (row.IsPattern)
        {
            _patternIds.Add(id);
            pending.PatternsChanged = true;
            return;
        }
        pending.Add(ShardOf(row.Key.Skeleton), row, id);
    }

    private void Kill(int id, PendingBatch pending)
    {
        ref var row = ref _records[id];
        _records.MarkDead(id);
        pending.Killed(id);
        if (row.IsPattern)
        {
            _patternIds.Remove(id);
            pending.PatternsChanged = true;
        }
        else
        {
            pending.Touched.Add(ShardOf(row.Key.Skeleton));
        }
    }

    private int ShardOf(ulong skeleton) => (int)(IndexHash.Mix(skeleton) >> ShardShift);

    private ushort ListIdOf(HotlistId hotlist)
    {
        if (_listIds.TryGetValue(hotlist, out var listId))
        {
            return listId;
        }
        if (_lists.Count > ushort.MaxValue)
        {
            throw new InvalidOperationException($"the index holds the maximum of {ushort.MaxValue + 1} lists");
        }
        listId = (ushort)_lists.Count;
        _lists.Add(hotlist);
        _listIds[hotlist] = listId;
        var tolerances = new byte[_lists.Count];
        _tolerances.CopyTo(tolerances, 0);
        tolerances[listId] = DefaultOcrTolerance;
        _tolerances = tolerances;
        return listId;
    }

    /// <summary>Rebuilds the touched shards over <paramref name="basis"/> (default: the current generation) and publishes.</summary>
    private void Publish(PendingBatch pending, IndexGeneration? basis = null)
    {
        var old = basis ?? _current;
        var shards = old.Shards;
        if (pending.Touched.Count > 0)
        {
            shards = (IndexShard[])shards.Clone();
            var rebuilt = pending.Touched.ToArray();
            if (rebuilt.Length >= 64)
            {
                Parallel.ForEach(rebuilt, s => shards[s] = RebuildShard(old.Shards[s], pending, s));
            }
            else
            {
                foreach (var s in rebuilt)
                {
                    shards[s] = RebuildShard(old.Shards[s], pending, s);
                }
            }
        }
        pending.Release();
        var wildcards = pending.PatternsChanged ? WildcardSet.Build(_patternIds, _records) : old.Wildcards;
        var lists = old.Lists.Length == _lists.Count ? old.Lists : [.. _lists];
        var generation = new IndexGeneration(shards, ShardShift, wildcards, _tolerances, lists, _records, old.Version + 1, _records.LiveCount);
        Volatile.Write(ref _current, generation);
        if (_records.DeadCount > 100_000 && _records.DeadCount > _records.LiveCount)
        {
            CompactLocked();
        }
    }

    private IndexShard RebuildShard(IndexShard old, PendingBatch pending, int shard)
    {
        var added = pending.AddedTo(shard);
        if (old.EntryCount == 0 && !pending.KilledAnyNew)
        {
            return IndexShard.Build(added, _shardArena); // a bulk build's common case: nothing to merge or filter
        }
        var items = new List<ShardItem>(old.EntryCount + added.Length);
        old.AddLiveItems(items, _records);
        foreach (var item in added)
        {
            if (pending.IsLiveNew(item.RecordId))
            {
                items.Add(item);
            }
        }
        return IndexShard.Build(CollectionsMarshal.AsSpan(items), _shardArena);
    }
}
