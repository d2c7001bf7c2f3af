using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Batches;

/// <summary>
/// Consumer-side state machine that makes pushes atomic on any broker. Feed it the records of anpr.hotlist.* in
/// the order each partition delivers them (partitions interleaved in any way). Entries are buffered by BatchId; a
/// batch is complete when its manifest is present and entries with sequences 0..EntryCount-1 are all present, in
/// whatever order they came. Complete batches of one list are released in the order their manifests arrived (the
/// publisher keys a list's manifests alike, so they share a partition and arrive in publish order): a complete batch
/// waits while a manifest of the same list that arrived before it is still incomplete, until that one completes, is
/// rejected or is abandoned. On release a batch is verified, the version check against the version then in force
/// included, and comes out as Committed (apply it) or Rejected. So deltas v2 then v3 apply as v2, v3 even when v3's
/// entries all arrive first.
/// A manifest is checked on arrival: an unsigned, forged or untrusted one is rejected at once and not attached, so it
/// cannot block the genuine manifest of the same batch; a stale one ends the batch. A batch with no new record for
/// <see cref="HotlistAssemblerOptions.AbandonAfter"/> is dropped by <see cref="DropAbandoned"/> (call it periodically).
/// Redelivered records of a recently finished batch are ignored. Not thread-safe: one consumer loop owns it.
/// </summary>
public sealed partial class HotlistBatchAssembler
{
    private readonly HotlistBatchVerifier _verifier;
    private readonly TimeProvider _time;
    private readonly HotlistAssemblerOptions _options;
    private readonly Dictionary<string, PendingBatch> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, string List), HotlistListStatus> _lists = [];
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private readonly Queue<string> _finishedOrder = new();
    private readonly List<HotlistBatchOutcome> _evicted = [];
    /// <summary>Per list, the batches whose manifest arrived and is not yet released, in manifest arrival order.</summary>
    private readonly Dictionary<(string Country, string List), List<PendingBatch>> _manifestOrder = [];
    private long _pendingEntries;

    public HotlistBatchAssembler(HotlistBatchVerifier verifier, TimeProvider time, HotlistAssemblerOptions? options = null)
    {
        _verifier = verifier;
        _time = time;
        _options = options ?? new HotlistAssemblerOptions();
        _options.Validate();
    }

    public int PendingBatchCount => _pending.Count;

    public long PendingEntryCount => _pendingEntries;

    /// <summary>The version in force per (country, list), ordered by country then list.</summary>
    public IReadOnlyList<HotlistListStatus> Lists =>
        [.. _lists.Values.OrderBy(s => s.Country, StringComparer.Ordinal).ThenBy(s => s.List, StringComparer.Ordinal)];

    public HotlistListStatus? StatusOf(string country, string list) => _lists.GetValueOrDefault((country, list));

    /// <summary>
    /// Adds an entry; returns the batches released because of it (usually none; its own batch and any later complete
    /// batches of the same list that waited for it), in the order to apply them.
    /// </summary>
    public IReadOnlyList<HotlistBatchOutcome> Add(HotlistEntryRecord entry)
    {
        if (_finished.Contains(entry.BatchId))
        {
            return [];
        }
        var batch = Pending(entry.BatchId, entry.SourceCountry, entry.List);
        if (batch.Add(entry))
        {
            _pendingEntries++;
        }
        if (batch.IsComplete)
        {
            return Release((batch.Country, batch.List));
        }
        if (_pendingEntries > _options.MaxPendingEntries)
        {
            EvictLeastRecentlyActive();
        }
        return [];
    }

    /// <summary>
    /// Adds a manifest; returns the batches released because of it (its own when complete and first of its list in
    /// line), or the manifest itself turned away (Rejected); empty when its batch has to wait.
    /// </summary>
    public IReadOnlyList<HotlistBatchOutcome> Add(HotlistBatchManifest manifest)
    {
        if (_finished.Contains(manifest.BatchId))
        {
            return [];
        }
        var early = manifest.EntryCount < 0
            ? new HotlistVerification(HotlistVerdict.EntryCountMismatch, $"manifest announces {manifest.EntryCount} entries")
            : _verifier.VerifyManifest(manifest, StatusOf(manifest.Country, manifest.List)?.Version);
        if (!early.IsAccepted)
        {
            if (early.Verdict == HotlistVerdict.StaleVersion || early.Verdict == HotlistVerdict.EntryCountMismatch)
            {
                // Authentic but not applicable: end the batch so its entries are not kept.
                Forget(manifest.BatchId);
            }
            return [Outcome(HotlistBatchOutcomeKind.Rejected, manifest.BatchId, manifest, early, manifest.Country, manifest.List)];
        }
        var batch = Pending(manifest.BatchId, manifest.Country, manifest.List);
        if (batch.Manifest is not null)
        {
            return []; // a redelivery; a second, different signed manifest for one batch id keeps the first
        }
        batch.SetManifest(manifest);
        var key = (manifest.Country, manifest.List);
        if (!_manifestOrder.TryGetValue(key, out var line))
        {
            _manifestOrder[key] = line = [];
        }
        line.Add(batch);
        return batch.IsComplete ? Release(key) : [];
    }

    /// <summary>
    /// Drops batches with no new record for the configured age, and reports batches evicted since the last call
    /// because <see cref="HotlistAssemblerOptions.MaxPendingEntries"/> was reached; nothing of them is applied.
    /// Complete batches that waited behind a dropped one are released after it (Committed or Rejected): apply the
    /// Committed outcomes of the result in order, as from <see cref="Add(HotlistEntryRecord)"/>.
    /// </summary>
    public IReadOnlyList<HotlistBatchOutcome> DropAbandoned()
    {
        var now = _time.GetUtcNow();
        List<HotlistBatchOutcome>? dropped = _evicted.Count == 0 ? null : [.. _evicted];
        _evicted.Clear();
        foreach (var batch in _pending.Values)
        {
            // A complete batch only waits for an earlier one of its list; it goes when that one is settled.
            if (batch.IsComplete || now - batch.LastActivity < _options.AbandonAfter)
            {
                continue;
            }
            var have = batch.Manifest is null
                ? $"no manifest, {batch.Entries.Count} entries"
                : $"{batch.InRange} of {batch.Manifest.EntryCount} entries";
            var reason = new HotlistVerification(HotlistVerdict.EntryCountMismatch,
                $"incomplete after {_options.AbandonAfter} without news ({have}); dropped, nothing applied");
            (dropped ??= []).Add(Outcome(HotlistBatchOutcomeKind.Abandoned, batch.BatchId, batch.Manifest, reason, batch.Country, batch.List));
        }
        if (dropped is null)
        {
            return [];
        }
        foreach (var outcome in dropped.ToArray())
        {
            Forget(outcome.BatchId);
        }
        foreach (var list in dropped.Select(d => (d.Country, d.List)).Distinct().ToArray())
        {
            dropped.AddRange(Release(list));
        }
        return dropped;
    }

    /// <summary>The index that applied the batches knows the true entry count after deltas; it may report it here.</summary>
    public void SetEntryCount(string country, string list, long entryCount)
    {
        if (_lists.TryGetValue((country, list), out var status))
        {
            _lists[(country, list)] = status with { EntryCount = entryCount };
        }
    }

    /// <summary>Restores the version in force from a snapshot, so replayed older batches are turned away as stale.</summary>
    public void Restore(HotlistListStatus status) => _lists[(status.Country, status.List)] = status;

    private PendingBatch Pending(string batchId, string country, string list)
    {
        if (!_pending.TryGetValue(batchId, out var batch))
        {
            _pending[batchId] = batch = new PendingBatch(batchId, country, list);
        }
        batch.LastActivity = _time.GetUtcNow();
        return batch;
    }

    private void EvictLeastRecentlyActive()
    {
        var victim = _pending.Values.Where(b => !b.IsComplete).MinBy(b => b.LastActivity) ?? _pending.Values.MinBy(b => b.LastActivity)!;
        var reason = new HotlistVerification(HotlistVerdict.EntryCountMismatch,
            $"dropped with {victim.Entries.Count} entries buffered: more than {_options.MaxPendingEntries} entries pending over all incomplete batches");
        _evicted.Add(Outcome(HotlistBatchOutcomeKind.Abandoned, victim.BatchId, victim.Manifest, reason, victim.Country, victim.List));
        Forget(victim.BatchId);
    }

    /// <summary>Ends a pending batch (if still pending) and remembers its id so late records are ignored.</summary>
    private void Forget(string batchId)
    {
        if (_pending.Remove(batchId, out var batch))
        {
            _pendingEntries -= batch.Entries.Count;
            var key = (batch.Country, batch.List);
            if (batch.Manifest is not null && _manifestOrder.TryGetValue(key, out var line) && line.Remove(batch) && line.Count == 0)
            {
                _manifestOrder.Remove(key);
            }
        }
        MarkFinished(batchId);
    }

    /// <summary>
    /// Releases the complete batches at the head of a list's manifest line, stopping at the first incomplete one, unless
    /// a complete full batch waits behind it: a full push replaces the whole list, so incomplete batches before it are
    /// superseded and dropped (Abandoned). This is what lets a replay start in the middle of history, where time
    /// retention deleted some entries of an old batch whose manifest survived (README "Retention").
    /// </summary>
    private IReadOnlyList<HotlistBatchOutcome> Release((string Country, string List) key)
    {
        List<HotlistBatchOutcome>? released = null;
        while (_manifestOrder.TryGetValue(key, out var line) && line.Count > 0)
        {
            var head = line[0];
            if (head.IsComplete)
            {
                (released ??= []).Add(Complete(head));
                continue;
            }
            var full = line.Find(b => b.IsComplete && b.Manifest!.Mode == HotlistPushMode.Full);
            if (full is null)
            {
                break;
            }
            var reason = new HotlistVerification(HotlistVerdict.EntryCountMismatch,
                $"{head.InRange} of {head.Manifest!.EntryCount} entries, superseded by full version {full.Manifest!.Version} that arrived after it; dropped, nothing applied");
            (released ??= []).Add(Outcome(HotlistBatchOutcomeKind.Abandoned, head.BatchId, head.Manifest, reason, head.Country, head.List));
            Forget(head.BatchId);
        }
        return released ?? (IReadOnlyList<HotlistBatchOutcome>)[];
    }

    private HotlistBatchOutcome Complete(PendingBatch batch)
    {
        Forget(batch.BatchId);
        var manifest = batch.Manifest!;
        var entries = batch.InSequenceOrder();
        var key = (manifest.Country, manifest.List);
        var previous = _lists.GetValueOrDefault(key);
        var verification = _verifier.Verify(manifest, entries, previous?.Version);
        if (!verification.IsAccepted)
        {
            return Outcome(HotlistBatchOutcomeKind.Rejected, batch.BatchId, manifest, verification, manifest.Country, manifest.List);
        }
        _lists[key] = new HotlistListStatus
        {
            Country = manifest.Country,
            List = manifest.List,
            Version = manifest.Version,
            EntryCount = CountAfter(previous, manifest, entries),
            LastMode = manifest.Mode,
            BatchId = manifest.BatchId,
            SignerKeyId = manifest.SignerKeyId,
            CreatedAt = manifest.CreatedAt,
            CommittedAt = _time.GetUtcNow(),
            OcrTolerance = manifest.OcrTolerance,
        };
        return Outcome(HotlistBatchOutcomeKind.Committed, batch.BatchId, manifest, verification, manifest.Country, manifest.List) with
        {
            Entries = entries,
        };
    }

    private static long CountAfter(HotlistListStatus? previous, HotlistBatchManifest manifest, HotlistEntryRecord[] entries)
    {
        if (manifest.Mode == HotlistPushMode.Full)
        {
            return entries.Count(e => e.Operation == HotlistEntryOperation.Upsert);
        }
        var deletes = entries.Count(e => e.Operation == HotlistEntryOperation.Delete);
        return Math.Max(0, (previous?.EntryCount ?? 0) + entries.Length - (2L * deletes));
    }

    private void MarkFinished(string batchId)
    {
        if (!_finished.Add(batchId))
        {
            return;
        }
        _finishedOrder.Enqueue(batchId);
        while (_finishedOrder.Count > _options.RememberFinishedBatches)
        {
            _finished.Remove(_finishedOrder.Dequeue());
        }
    }

    private static HotlistBatchOutcome Outcome(HotlistBatchOutcomeKind kind, string batchId, HotlistBatchManifest? manifest,
        HotlistVerification verification, string country, string list) => new()
        {
            Kind = kind,
            BatchId = batchId,
            Manifest = manifest,
            Verification = verification,
            Country = country,
            List = list,
        };
}
