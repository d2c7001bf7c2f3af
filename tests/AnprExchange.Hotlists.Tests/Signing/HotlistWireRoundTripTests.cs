using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Tests.Signing;

/// <summary>What the publisher signs must still verify after the Avro wire (millisecond timestamps, nulls, enums).</summary>
public sealed class HotlistWireRoundTripTests : IDisposable
{
    private readonly HotlistSigningKey _key = HotlistSigningKey.Generate();

    [Fact]
    public void ABatchDecodedFromAvroStillVerifies()
    {
        var batch = TestBatches.Build(_key, version: 3, count: 20);
        var entries = batch.Entries.Select(e => AnprCodecs.HotlistEntry.Decode(AnprCodecs.HotlistEntry.Encode(e))).ToArray();
        var manifest = AnprCodecs.HotlistBatchManifest.Decode(AnprCodecs.HotlistBatchManifest.Encode(batch.Manifest));
        using var trust = TestBatches.Trusting("BE", _key);

        var result = new HotlistBatchVerifier(trust).Verify(manifest, entries, currentVersion: 2);

        Assert.Equal(HotlistVerdict.Accepted, result.Verdict);
    }

    [Fact]
    public void DeletesAndEmptyOptionalFieldsSurviveTheWireToo()
    {
        var request = new HotlistPushRequest
        {
            Country = "BE",
            List = "stolen",
            Mode = HotlistPushMode.Delta,
            Version = 1,
            OcrTolerance = 0,
            Entries = [TestBatches.Entry("gone", op: HotlistEntryOperation.Delete), TestBatches.Entry("bare") with { Reference = null, ValidFrom = null, PlateCountry = "NL", Covert = true }],
        };
        var batch = new HotlistPublisher(TestBatches.Clock()).Prepare(request, _key);
        var entries = batch.Entries.Select(e => AnprCodecs.HotlistEntry.Decode(AnprCodecs.HotlistEntry.Encode(e))).ToArray();
        var manifest = AnprCodecs.HotlistBatchManifest.Decode(AnprCodecs.HotlistBatchManifest.Encode(batch.Manifest));
        using var trust = TestBatches.Trusting("BE", _key);

        Assert.True(new HotlistBatchVerifier(trust).Verify(manifest, entries, null).IsAccepted);
    }

    public void Dispose() => _key.Dispose();
}
