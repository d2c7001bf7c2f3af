using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using Microsoft.Extensions.Time.Testing;

namespace AnprExchange.Hotlists.Tests.Batches;

public sealed class HotlistBatchAssemblerTests : IDisposable
{
    private readonly HotlistSigningKey _key = HotlistSigningKey.Generate();
    private readonly HotlistTrustStore _trust;
    private readonly FakeTimeProvider _clock = TestBatches.Clock();
    private readonly HotlistBatchAssembler _assembler;

    public HotlistBatchAssemblerTests()
    {
        _trust = TestBatches.Trusting("BE", _key);
        _assembler = new HotlistBatchAssembler(new HotlistBatchVerifier(_trust), _clock,
            new HotlistAssemblerOptions { AbandonAfter = TimeSpan.FromMinutes(10) });
    }

    [Fact]
    public void EntriesThenTheirManifestCommitTheBatchWhenTheManifestArrives()
    {
        var batch = Build(version: 1, count: 4);

        Assert.All(batch.Entries, e => Assert.Null(_assembler.AddOne(e)));
        var outcome = _assembler.AddOne(batch.Manifest);

        Assert.NotNull(outcome);
        Assert.Equal(HotlistBatchOutcomeKind.Committed, outcome.Kind);
        Assert.Equal(batch.Entries, outcome.Entries);
        var status = Assert.Single(_assembler.Lists);
        Assert.Equal(("BE", "stolen", 1L, 4L, _key.KeyId, HotlistPushMode.Full), (status.Country, status.List, status.Version, status.EntryCount, status.SignerKeyId, status.LastMode));
        Assert.Equal(_clock.GetUtcNow(), status.CommittedAt);
        Assert.Equal(0, _assembler.PendingBatchCount);
    }

    [Fact]
    public void EntriesSpreadOverPartitionsAndAManifestArrivingFirstCommitOnlyWithTheLastEntry()
    {
        var batch = Build(version: 1, count: 30);
        var partitions = Enumerable.Range(0, 3)
            .Select(p => new Queue<object>(batch.Entries.Where(e => e.Sequence % 3 == p).Reverse()))
            .ToArray();
        var records = new List<object> { batch.Manifest };
        var random = new Random(42);
        while (partitions.Any(q => q.Count > 0))
        {
            var queue = partitions[random.Next(3)];
            if (queue.Count > 0)
            {
                records.Add(queue.Dequeue());
            }
        }

        var outcomes = records.Select(Feed).ToList();

        Assert.All(outcomes.SkipLast(1), Assert.Null);
        var last = outcomes[^1];
        Assert.NotNull(last);
        Assert.Equal(HotlistBatchOutcomeKind.Committed, last.Kind);
        Assert.Equal(Enumerable.Range(0, 30), last.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public void HalfABatchThenNothingIsNeverAppliedAndIsDroppedAfterTheAge()
    {
        var batch = Build(version: 1, count: 10);
        Assert.Null(_assembler.AddOne(batch.Manifest));
        foreach (var entry in batch.Entries.Take(5))
        {
            Assert.Null(_assembler.AddOne(entry));
        }

        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Empty(_assembler.DropAbandoned());
        Assert.Equal(1, _assembler.PendingBatchCount);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var dropped = Assert.Single(_assembler.DropAbandoned());

        Assert.Equal(HotlistBatchOutcomeKind.Abandoned, dropped.Kind);
        Assert.Contains("5 of 10", dropped.Verification.Reason, StringComparison.Ordinal);
        Assert.Empty(_assembler.Lists);
        Assert.Equal(0, _assembler.PendingBatchCount);
        Assert.All(batch.Entries.Skip(5), e => Assert.Null(_assembler.AddOne(e)));
        Assert.Empty(_assembler.Lists);
    }

    [Fact]
    public void EntriesWithoutAManifestAreDroppedAfterTheAgeToo()
    {
        var batch = Build(version: 1, count: 3);
        _assembler.AddOne(batch.Entries[0]);
        _clock.Advance(TimeSpan.FromMinutes(11));

        var dropped = Assert.Single(_assembler.DropAbandoned());

        Assert.Null(dropped.Manifest);
        Assert.Equal(("BE", "stolen"), (dropped.Country, dropped.List));
    }

    [Fact]
    public void BeyondThePendingEntryCapTheLeastRecentlyActiveBatchIsDropped()
    {
        var assembler = new HotlistBatchAssembler(new HotlistBatchVerifier(_trust), _clock, new HotlistAssemblerOptions { MaxPendingEntries = 5 });
        var older = Build(version: 1, count: 4, list: "a");
        var newer = Build(version: 1, count: 4, list: "b");
        older.Entries.Take(3).ToList().ForEach(e => assembler.AddOne(e));
        _clock.Advance(TimeSpan.FromSeconds(1));
        newer.Entries.Take(3).ToList().ForEach(e => assembler.AddOne(e));

        var dropped = Assert.Single(assembler.DropAbandoned());

        Assert.Equal((older.Manifest.BatchId, HotlistBatchOutcomeKind.Abandoned), (dropped.BatchId, dropped.Kind));
        Assert.Equal(3, assembler.PendingEntryCount);
        Assert.Null(assembler.AddOne(older.Entries[3]));
        Assert.Null(assembler.AddOne(older.Manifest));
        assembler.AddOne(newer.Entries[3]);
        Assert.Equal(HotlistBatchOutcomeKind.Committed, assembler.AddOne(newer.Manifest)?.Kind);
        Assert.Equal(0, assembler.PendingEntryCount);
    }

    [Fact]
    public void NewRecordsKeepASlowBatchAlive()
    {
        var batch = Build(version: 1, count: 3);
        _assembler.AddOne(batch.Entries[0]);
        _clock.Advance(TimeSpan.FromMinutes(8));
        _assembler.AddOne(batch.Entries[1]);
        _clock.Advance(TimeSpan.FromMinutes(8));

        Assert.Empty(_assembler.DropAbandoned());
        _assembler.AddOne(batch.Entries[2]);
        Assert.Equal(HotlistBatchOutcomeKind.Committed, _assembler.AddOne(batch.Manifest)?.Kind);
    }

    [Fact]
    public void ATamperedEntryIsRejectedAndThePreviousVersionStaysInForce()
    {
        CommitAll(Build(version: 1, count: 3));
        var next = Build(version: 2, count: 3);

        Feed(next.Entries[0]);
        Feed(next.Entries[1] with { Plate = "ZZ9999" });
        Feed(next.Entries[2]);
        var outcome = _assembler.AddOne(next.Manifest);

        Assert.Equal(HotlistBatchOutcomeKind.Rejected, outcome?.Kind);
        Assert.Equal(HotlistVerdict.DigestMismatch, outcome?.Verification.Verdict);
        Assert.Empty(outcome!.Entries);
        Assert.Equal(1, _assembler.StatusOf("BE", "stolen")?.Version);
    }

    [Fact]
    public void AReplayedOldVersionIsRejectedAsStaleAndItsEntriesAreNotKept()
    {
        var assembler = new HotlistBatchAssembler(new HotlistBatchVerifier(_trust), _clock,
            new HotlistAssemblerOptions { RememberFinishedBatches = 1 });
        var v1 = Build(version: 1, count: 3);
        var v2 = Build(version: 2, count: 3);
        foreach (var batch in new[] { v1, v2 })
        {
            batch.Entries.ToList().ForEach(e => assembler.AddOne(e));
            Assert.Equal(HotlistBatchOutcomeKind.Committed, assembler.AddOne(batch.Manifest)?.Kind);
        }

        var replayed = assembler.AddOne(v1.Manifest);
        foreach (var entry in v1.Entries)
        {
            Assert.Null(assembler.AddOne(entry));
        }

        Assert.Equal(HotlistVerdict.StaleVersion, replayed?.Verification.Verdict);
        Assert.Equal(2, assembler.StatusOf("BE", "stolen")?.Version);
        Assert.Equal(0, assembler.PendingBatchCount);
    }

    [Fact]
    public void AReplayedBatchStillRememberedIsIgnoredWithoutChangingAnything()
    {
        var v1 = Build(version: 1, count: 3);
        CommitAll(v1);
        CommitAll(Build(version: 2, count: 3));

        Assert.Null(Feed(v1.Manifest));
        Assert.All(v1.Entries, e => Assert.Null(Feed(e)));
        Assert.Equal(2, _assembler.StatusOf("BE", "stolen")?.Version);
    }

    [Fact]
    public void AManifestByAnotherKeyIsTurnedAwayOnArrivalAndDoesNotBlockTheGenuineOne()
    {
        using var intruder = HotlistSigningKey.Generate();
        var batch = Build(version: 1, count: 2);
        var forged = HotlistManifestSigner.Sign(batch.Manifest with { Version = 50 }, intruder);

        var turnedAway = _assembler.AddOne(forged);
        batch.Entries.ToList().ForEach(e => Feed(e));
        var outcome = _assembler.AddOne(batch.Manifest);

        Assert.Equal((HotlistBatchOutcomeKind.Rejected, HotlistVerdict.UnknownKey), (turnedAway?.Kind, turnedAway?.Verification.Verdict));
        Assert.Equal(HotlistBatchOutcomeKind.Committed, outcome?.Kind);
        Assert.Equal(1, _assembler.StatusOf("BE", "stolen")?.Version);
    }

    [Fact]
    public void RedeliveredRecordsOfAFinishedBatchAreIgnored()
    {
        var batch = Build(version: 1, count: 2);
        CommitAll(batch);

        Assert.Null(Feed(batch.Entries[0]));
        Assert.Null(Feed(batch.Manifest));
        Assert.Equal(0, _assembler.PendingBatchCount);
    }

    [Fact]
    public void ARedeliveredEntryWithinABatchIsCountedOnce()
    {
        var batch = Build(version: 1, count: 3);
        Feed(batch.Manifest);
        Feed(batch.Entries[0]);
        Feed(batch.Entries[0]);
        Assert.Null(Feed(batch.Entries[1]));

        Assert.Equal(HotlistBatchOutcomeKind.Committed, Feed(batch.Entries[2])?.Kind);
    }

    [Fact]
    public void AnEmptyFullBatchCommitsOnItsManifestAlone()
    {
        CommitAll(Build(version: 1, count: 3));

        var outcome = _assembler.AddOne(Build(version: 2, count: 0).Manifest);

        Assert.Equal(HotlistBatchOutcomeKind.Committed, outcome?.Kind);
        Assert.Equal(0, _assembler.StatusOf("BE", "stolen")?.EntryCount);
    }

    [Fact]
    public void BatchesOfDifferentListsInterleavedCommitIndependently()
    {
        var a = Build(version: 1, count: 3, list: "stolen");
        var b = Build(version: 1, count: 2, list: "wanted");

        Feed(a.Entries[0]);
        Feed(b.Entries[0]);
        Feed(b.Manifest);
        Feed(a.Entries[1]);
        var bDone = Feed(b.Entries[1]);
        Feed(a.Manifest);
        var aDone = Feed(a.Entries[2]);

        Assert.Equal(("wanted", HotlistBatchOutcomeKind.Committed), (bDone?.List, bDone?.Kind));
        Assert.Equal(("stolen", HotlistBatchOutcomeKind.Committed), (aDone?.List, aDone?.Kind));
        Assert.Equal(["stolen", "wanted"], _assembler.Lists.Select(s => s.List));
    }

    [Fact]
    public void DeltaBatchesEstimateTheEntryCountUntilTheIndexReportsIt()
    {
        CommitAll(Build(version: 1, count: 5));
        var delta = new HotlistPublisher(_clock).Prepare(new HotlistPushRequest
        {
            Country = "BE",
            List = "stolen",
            Mode = HotlistPushMode.Delta,
            Version = 2,
            Entries = [TestBatches.Entry("new1"), TestBatches.Entry("new2"), TestBatches.Entry("e0", op: HotlistEntryOperation.Delete)],
        }, _key);

        CommitAll(delta);

        Assert.Equal(6, _assembler.StatusOf("BE", "stolen")?.EntryCount);
        _assembler.SetEntryCount("BE", "stolen", 7);
        Assert.Equal(7, _assembler.StatusOf("BE", "stolen")?.EntryCount);
    }

    [Fact]
    public void ARestoredVersionTurnsAwayOlderBatchesAfterARestart()
    {
        var v3 = Build(version: 3, count: 1);
        _assembler.Restore(new HotlistListStatus
        {
            Country = "BE",
            List = "stolen",
            Version = 4,
            EntryCount = 1,
            LastMode = HotlistPushMode.Full,
            BatchId = "b",
            SignerKeyId = _key.KeyId,
            CreatedAt = _clock.GetUtcNow(),
            CommittedAt = _clock.GetUtcNow(),
        });

        Assert.Equal(HotlistVerdict.StaleVersion, Feed(v3.Manifest)?.Verification.Verdict);
    }

    private HotlistBatch Build(long version, int count, string list = "stolen") =>
        TestBatches.Build(_key, version, count, list: list, time: _clock);

    private HotlistBatchOutcome? Feed(object record) => record switch
    {
        HotlistEntryRecord entry => _assembler.AddOne(entry),
        HotlistBatchManifest manifest => _assembler.AddOne(manifest),
        _ => throw new ArgumentException("not a hotlist record", nameof(record)),
    };

    private void CommitAll(HotlistBatch batch)
    {
        foreach (var entry in batch.Entries)
        {
            Assert.Null(_assembler.AddOne(entry));
        }
        Assert.Equal(HotlistBatchOutcomeKind.Committed, _assembler.AddOne(batch.Manifest)?.Kind);
    }

    public void Dispose()
    {
        _trust.Dispose();
        _key.Dispose();
    }
}
