using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using Microsoft.Extensions.Time.Testing;

namespace AnprExchange.Hotlists.Tests.Batches;

/// <summary>Batches of one list are released in manifest arrival order, whatever order their entries complete in.</summary>
public sealed class HotlistBatchAssemblerOrderingTests : IDisposable
{
    private readonly HotlistSigningKey _key = HotlistSigningKey.Generate();
    private readonly HotlistTrustStore _trust;
    private readonly FakeTimeProvider _clock = TestBatches.Clock();
    private readonly HotlistBatchAssembler _assembler;

    public HotlistBatchAssemblerOrderingTests()
    {
        _trust = TestBatches.Trusting("BE", _key);
        _assembler = new HotlistBatchAssembler(new HotlistBatchVerifier(_trust), _clock,
            new HotlistAssemblerOptions { AbandonAfter = TimeSpan.FromMinutes(10) });
    }

    [Fact]
    public void ALaterDeltaCompletingFirstWaitsForTheEarlierOneAndBothApplyInOrder()
    {
        var v2 = Delta(2, "a", "b");
        var v3 = Delta(3, "c", "d");
        Assert.Empty(_assembler.Add(v2.Manifest));
        Assert.Empty(_assembler.Add(v3.Manifest));
        Assert.Empty(_assembler.Add(v2.Entries[0]));

        Assert.Empty(_assembler.Add(v3.Entries[0]));
        Assert.Empty(_assembler.Add(v3.Entries[1])); // v3 complete, waits for v2
        var released = _assembler.Add(v2.Entries[1]);

        Assert.Equal([(2L, HotlistBatchOutcomeKind.Committed), (3L, HotlistBatchOutcomeKind.Committed)],
            released.Select(o => (o.Manifest!.Version, o.Kind)));
        Assert.Equal(3, _assembler.StatusOf("BE", "stolen")?.Version);
        Assert.Equal(0, _assembler.PendingBatchCount);
        Assert.Equal(0, _assembler.PendingEntryCount);
    }

    [Fact]
    public void TheContentsAfterOutOfOrderCompletionHoldBothDeltas()
    {
        var contents = new HotlistContents();
        var v2 = Delta(2, "a");
        var v3 = Delta(3, "b");
        var records = new object[] { v2.Manifest, v3.Manifest, v3.Entries[0], v2.Entries[0] };

        foreach (var record in records)
        {
            foreach (var outcome in Feed(record))
            {
                contents.Apply(outcome);
            }
        }

        Assert.Equal(["a", "b"], contents.Entries("BE", "stolen").Select(e => e.EntryId).Order());
    }

    [Fact]
    public void ACompleteBatchWaitingBehindAnAbandonedOneIsReleasedWhenThatOneIsDropped()
    {
        var v2 = Delta(2, "a", "b");
        var v3 = Delta(3, "c");
        Feed(v2.Manifest);
        Feed(v2.Entries[0]);
        Feed(v3.Manifest);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(Feed(v3.Entries[0]));

        _clock.Advance(TimeSpan.FromMinutes(6));
        var outcomes = _assembler.DropAbandoned();

        Assert.Equal([(v2.Manifest.BatchId, HotlistBatchOutcomeKind.Abandoned), (v3.Manifest.BatchId, HotlistBatchOutcomeKind.Committed)],
            outcomes.Select(o => (o.BatchId, o.Kind)));
        Assert.Equal(3, _assembler.StatusOf("BE", "stolen")?.Version);
    }

    [Fact]
    public void AWaitingCompleteBatchIsNotAbandonedWhileTheOneBeforeItStillMakesProgress()
    {
        var v2 = Delta(2, "a", "b", "c");
        var v3 = Delta(3, "d");
        Feed(v2.Manifest);
        Feed(v3.Manifest);
        Feed(v3.Entries[0]);
        _clock.Advance(TimeSpan.FromMinutes(8));
        Feed(v2.Entries[0]);
        _clock.Advance(TimeSpan.FromMinutes(8));
        Feed(v2.Entries[1]);
        _clock.Advance(TimeSpan.FromMinutes(8));

        Assert.Empty(_assembler.DropAbandoned());
        Assert.Equal([2L, 3L], Feed(v2.Entries[2]).Select(o => o.Manifest!.Version));
    }

    [Fact]
    public void VersionsAreCheckedAtReleaseSoALaterPublishedLowerVersionIsRejectedAfterTheHigherOneApplies()
    {
        var v5 = Delta(5, "a");
        var v4 = Delta(4, "b");
        Feed(v5.Manifest);
        Feed(v4.Manifest);
        Feed(v4.Entries[0]);

        var outcomes = Feed(v5.Entries[0]);

        Assert.Equal([HotlistBatchOutcomeKind.Committed, HotlistBatchOutcomeKind.Rejected], outcomes.Select(o => o.Kind));
        Assert.Equal(HotlistVerdict.StaleVersion, outcomes[1].Verification.Verdict);
        Assert.Equal(5, _assembler.StatusOf("BE", "stolen")?.Version);
    }

    [Fact]
    public void AnotherListIsNotHeldUpByAnIncompleteBatch()
    {
        var stolen = Delta(2, "a", "b");
        var wanted = TestBatches.Build(_key, version: 7, count: 1, list: "wanted", time: _clock);
        Feed(stolen.Manifest);
        Feed(stolen.Entries[0]);
        Feed(wanted.Manifest);

        var outcome = Assert.Single(Feed(wanted.Entries[0]));

        Assert.Equal(("wanted", HotlistBatchOutcomeKind.Committed), (outcome.List, outcome.Kind));
        Assert.Null(_assembler.StatusOf("BE", "stolen"));
    }

    [Fact]
    public void AnIncompleteBatchBeforeACompleteFullPushIsSupersededInsteadOfBlockingTheList()
    {
        var v2 = Delta(2, "a", "b");
        var v3 = TestBatches.Build(_key, version: 3, count: 2, time: _clock);
        Feed(v2.Manifest);
        Feed(v2.Entries[0]); // v2's second entry was deleted by retention: it never comes
        Feed(v3.Manifest);
        Feed(v3.Entries[0]);

        var outcomes = Feed(v3.Entries[1]);

        Assert.Equal([(2L, HotlistBatchOutcomeKind.Abandoned), (3L, HotlistBatchOutcomeKind.Committed)],
            outcomes.Select(o => (o.Manifest!.Version, o.Kind)));
        Assert.Contains("superseded by full version 3", outcomes[0].Verification.Reason, StringComparison.Ordinal);
        Assert.Equal(0, _assembler.PendingBatchCount);
    }

    private HotlistBatch Delta(long version, params string[] ids) =>
        new HotlistPublisher(_clock).Prepare(new HotlistPushRequest
        {
            Country = "BE",
            List = "stolen",
            Mode = HotlistPushMode.Delta,
            Version = version,
            Entries = [.. ids.Select(id => TestBatches.Entry(id))],
        }, _key);

    private IReadOnlyList<HotlistBatchOutcome> Feed(object record) => record switch
    {
        HotlistEntryRecord entry => _assembler.Add(entry),
        HotlistBatchManifest manifest => _assembler.Add(manifest),
        _ => throw new ArgumentException("not a hotlist record", nameof(record)),
    };

    public void Dispose()
    {
        _trust.Dispose();
        _key.Dispose();
    }
}
