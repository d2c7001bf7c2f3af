using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Tests.Signing;

public sealed class HotlistBatchVerifierTests : IDisposable
{
    private readonly HotlistSigningKey _key = HotlistSigningKey.Generate();
    private readonly HotlistSigningKey _otherKey = HotlistSigningKey.Generate();
    private readonly HotlistTrustStore _trust;
    private readonly HotlistBatchVerifier _verifier;

    public HotlistBatchVerifierTests()
    {
        _trust = TestBatches.Trusting("BE", _key);
        _verifier = new HotlistBatchVerifier(_trust);
    }

    [Fact]
    public void AnUntamperedBatchIsAccepted()
    {
        var batch = TestBatches.Build(_key, version: 1);

        var result = _verifier.Verify(batch.Manifest, batch.Entries, currentVersion: null);

        Assert.Equal(HotlistVerdict.Accepted, result.Verdict);
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void AnEmptyFullBatchIsAcceptedAndClearsTheList()
    {
        var batch = TestBatches.Build(_key, version: 1, count: 0);

        Assert.True(_verifier.Verify(batch.Manifest, batch.Entries, null).IsAccepted);
    }

    [Fact]
    public void OneEntryByteChangedIsADigestMismatch()
    {
        var batch = TestBatches.Build(_key, version: 1);
        var entries = batch.Entries.ToArray();
        entries[3] = entries[3] with { Plate = "AB0004" }; // was AB0003

        Assert.Equal(HotlistVerdict.DigestMismatch, _verifier.Verify(batch.Manifest, entries, null).Verdict);
    }

    [Fact]
    public void AChangedOptionalFieldIsADigestMismatch()
    {
        var batch = TestBatches.Build(_key, version: 1);
        var entries = batch.Entries.ToArray();
        entries[0] = entries[0] with { ValidUntil = DateTimeOffset.UnixEpoch };

        Assert.Equal(HotlistVerdict.DigestMismatch, _verifier.Verify(batch.Manifest, entries, null).Verdict);
    }

    [Fact]
    public void EntriesSwappedInOrderAreADigestMismatch()
    {
        var batch = TestBatches.Build(_key, version: 1);
        var entries = batch.Entries.ToArray();
        (entries[0], entries[1]) = (entries[1] with { Sequence = 0 }, entries[0] with { Sequence = 1 });

        Assert.Equal(HotlistVerdict.DigestMismatch, _verifier.Verify(batch.Manifest, entries, null).Verdict);
    }

    [Fact]
    public void ASignatureByAnUntrustedKeyIsAnUnknownKey()
    {
        var batch = TestBatches.Build(_otherKey, version: 1);

        Assert.Equal(HotlistVerdict.UnknownKey, _verifier.Verify(batch.Manifest, batch.Entries, null).Verdict);
    }

    [Fact]
    public void ASignatureByAnotherKeyClaimingTheTrustedKeyIdIsABadSignature()
    {
        var batch = TestBatches.Build(_otherKey, version: 1);
        var forged = batch.Manifest with { SignerKeyId = _key.KeyId };
        forged = forged with { Signature = _otherKey.Sign(HotlistCanonicalForm.Manifest(forged)) };

        Assert.Equal(HotlistVerdict.BadSignature, _verifier.Verify(forged, batch.Entries, null).Verdict);
    }

    [Fact]
    public void AManifestFieldChangedAfterSigningIsABadSignature()
    {
        var batch = TestBatches.Build(_key, version: 1);

        var raised = batch.Manifest with { Version = 99 };

        Assert.Equal(HotlistVerdict.BadSignature, _verifier.Verify(raised, batch.Entries, null).Verdict);
    }

    [Fact]
    public void AKeyTrustedForOneCountryCannotSignAnother()
    {
        var batch = TestBatches.Build(_key, version: 1, country: "NL");

        Assert.Equal(HotlistVerdict.UnknownKey, _verifier.Verify(batch.Manifest, batch.Entries, null).Verdict);
    }

    [Fact]
    public void AReplayedOldVersionIsStale()
    {
        var old = TestBatches.Build(_key, version: 5);

        Assert.Equal(HotlistVerdict.StaleVersion, _verifier.Verify(old.Manifest, old.Entries, currentVersion: 7).Verdict);
        Assert.Equal(HotlistVerdict.StaleVersion, _verifier.Verify(old.Manifest, old.Entries, currentVersion: 5).Verdict);
        Assert.True(_verifier.Verify(old.Manifest, old.Entries, currentVersion: 4).IsAccepted);
    }

    [Fact]
    public void AnUnsignedManifestIsAMissingSignature()
    {
        var batch = TestBatches.Build(_key, version: 1);

        Assert.Equal(HotlistVerdict.MissingSignature, _verifier.Verify(batch.Manifest with { Signature = [] }, batch.Entries, null).Verdict);
        Assert.Equal(HotlistVerdict.MissingSignature, _verifier.Verify(batch.Manifest with { SignerKeyId = "" }, batch.Entries, null).Verdict);
    }

    [Fact]
    public void AMissingOrExtraEntryIsAnEntryCountMismatch()
    {
        var batch = TestBatches.Build(_key, version: 1);

        Assert.Equal(HotlistVerdict.EntryCountMismatch, _verifier.Verify(batch.Manifest, batch.Entries.Take(4).ToArray(), null).Verdict);
        Assert.Equal(HotlistVerdict.EntryCountMismatch,
            _verifier.Verify(batch.Manifest, [.. batch.Entries, batch.Entries[0] with { Sequence = 5 }], null).Verdict);
    }

    [Fact]
    public void AnEntryOfAnotherListIsRejectedEvenIfCounted()
    {
        var batch = TestBatches.Build(_key, version: 1);
        var entries = batch.Entries.ToArray();
        entries[2] = entries[2] with { List = "other" };

        Assert.Equal(HotlistVerdict.DigestMismatch, _verifier.Verify(batch.Manifest, entries, null).Verdict);
    }

    [Fact]
    public void KeysInRotationAreBothAccepted()
    {
        using var next = HotlistSigningKey.Generate();
        _trust.Add("BE", next.PublicKey());

        var a = TestBatches.Build(_key, 1);
        var b = TestBatches.Build(next, 2);
        Assert.True(_verifier.Verify(a.Manifest, a.Entries, null).IsAccepted);
        Assert.True(_verifier.Verify(b.Manifest, b.Entries, 1).IsAccepted);
    }

    [Fact]
    public void TheDigestIsIndependentOfSubMillisecondPrecisionLostOnTheWire()
    {
        var batch = TestBatches.Build(_key, version: 1);

        Assert.All(batch.Entries, e => Assert.Equal(0, e.ValidFrom!.Value.Ticks % TimeSpan.TicksPerMillisecond));
        Assert.Equal(batch.Manifest.EntriesSha256, HotlistBatchDigest.Compute(batch.Entries));
    }

    public void Dispose()
    {
        _trust.Dispose();
        _key.Dispose();
        _otherKey.Dispose();
    }
}
