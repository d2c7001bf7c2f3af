using AnprExchange.Contracts.Records;

namespace AnprExchange.Matcher.Replication;

/// <summary>
/// Holds hotlist entries until the manifest of their batch arrives, so that a push is applied whole or not at all.
/// Entries of one batch may be spread over partitions and arrive after the manifest.
/// </summary>
internal sealed class PendingHotlistBatches
{
    private readonly Dictionary<string, Pending> _batches = new(StringComparer.Ordinal);

    /// <summary>Adds an entry; returns the completed batch if this entry completed it.</summary>
    public (HotlistBatchManifest Manifest, HotlistEntryRecord[] Entries)? Add(HotlistEntryRecord entry)
    {
        var pending = Get(entry.BatchId);
        if ((uint)entry.Sequence < (uint)pending.Entries.Length || pending.Manifest is null)
        {
            pending.Add(entry);
        }
        return TryComplete(entry.BatchId, pending);
    }

    public (HotlistBatchManifest Manifest, HotlistEntryRecord[] Entries)? Add(HotlistBatchManifest manifest)
    {
        var pending = Get(manifest.BatchId);
        pending.SetManifest(manifest);
        return TryComplete(manifest.BatchId, pending);
    }

    private Pending Get(string batchId)
    {
        if (!_batches.TryGetValue(batchId, out var pending))
        {
            pending = new Pending();
            _batches[batchId] = pending;
        }
        return pending;
    }

    private (HotlistBatchManifest, HotlistEntryRecord[])? TryComplete(string batchId, Pending pending)
    {
        if (pending.Manifest is null || pending.Received != pending.Manifest.EntryCount)
        {
            return null;
        }
        _batches.Remove(batchId);
        return (pending.Manifest, pending.Entries);
    }

    private sealed class Pending
    {
        private readonly Dictionary<int, HotlistEntryRecord> _early = [];

        public HotlistBatchManifest? Manifest { get; private set; }

        public HotlistEntryRecord[] Entries { get; private set; } = [];

        public int Received { get; private set; }

        public void SetManifest(HotlistBatchManifest manifest)
        {
            Manifest = manifest;
            Entries = new HotlistEntryRecord[manifest.EntryCount];
            foreach (var entry in _early.Values)
            {
                Add(entry);
            }
            _early.Clear();
        }

        public void Add(HotlistEntryRecord entry)
        {
            if (Manifest is null)
            {
                _early[entry.Sequence] = entry;
                return;
            }
            if ((uint)entry.Sequence < (uint)Entries.Length && Entries[entry.Sequence] is null)
            {
                Entries[entry.Sequence] = entry;
                Received++;
            }
        }
    }
}
