using System.Buffers;
using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Tests.Avro;

public sealed class AvroCodecRoundTripTests
{
    [Fact]
    public void AFullReadRoundTrips() => Assert.Equal(Samples.FullRead(), RoundTrip(AnprCodecs.PlateRead, Samples.FullRead()));

    [Fact]
    public void AReadWithOnlyRequiredFieldsRoundTripsWithNulls()
    {
        var decoded = RoundTrip(AnprCodecs.PlateRead, Samples.MinimalRead());
        Assert.Equal(Samples.MinimalRead(), decoded);
        Assert.Null(decoded.Country);
        Assert.Null(decoded.Confidence);
        Assert.Null(decoded.IngestedAt);
    }

    [Fact]
    public void AReadWithUnicodeAndAnOffsetRoundTripsToTheSameInstant()
    {
        var decoded = RoundTrip(AnprCodecs.PlateRead, Samples.UnicodeRead());
        Assert.Equal(Samples.UnicodeRead(), decoded);
        Assert.Equal(TimeSpan.Zero, decoded.Timestamp.Offset);
    }

    [Fact]
    public void SubMillisecondPartsOfATimeAreDropped()
    {
        var read = Samples.FullRead() with { Timestamp = Samples.Seen.AddTicks(9_999) };
        Assert.Equal(Samples.Seen, RoundTrip(AnprCodecs.PlateRead, read).Timestamp);
    }

    [Fact]
    public void AFullAlertWithSeveralMatchesRoundTrips()
    {
        var decoded = RoundTrip(AnprCodecs.Alert, Samples.FullAlert());
        Assert.Equal(Samples.FullAlert() with { Matches = [] }, decoded with { Matches = [] });
        Assert.Equal(Samples.FullAlert().Matches, decoded.Matches);
    }

    [Fact]
    public void AnAlertWithoutOptionalFieldsRoundTrips()
    {
        var decoded = RoundTrip(AnprCodecs.Alert, Samples.MinimalAlert());
        Assert.Equal(Samples.MinimalAlert() with { Matches = [] }, decoded with { Matches = [] });
        Assert.Empty(decoded.Matches);
        Assert.Equal("", decoded.ControlRoom);
    }

    [Fact]
    public void AnAlertWithManyMatchesRoundTrips()
    {
        var alert = Samples.MinimalAlert() with
        {
            Matches = [.. Enumerable.Range(0, 300).Select(i => Samples.Match(i % 101, (MatchKind)(i % 3)) with { EntryId = $"e{i}" })],
        };
        Assert.Equal(alert.Matches, RoundTrip(AnprCodecs.Alert, alert).Matches);
    }

    [Fact]
    public void AHotlistEntryRoundTrips() => Assert.Equal(Samples.FullEntry(), RoundTrip(AnprCodecs.HotlistEntry, Samples.FullEntry()));

    [Fact]
    public void AHotlistDeleteWithDefaultsRoundTrips() => Assert.Equal(Samples.DeleteEntry(), RoundTrip(AnprCodecs.HotlistEntry, Samples.DeleteEntry()));

    [Fact]
    public void EveryCategoryActionAndOperationRoundTrips()
    {
        foreach (var category in Enum.GetValues<HotlistCategory>())
        {
            foreach (var action in Enum.GetValues<HotlistAction>())
            {
                var entry = Samples.FullEntry() with { Category = category, Action = action, Operation = HotlistEntryOperation.Delete };
                Assert.Equal(entry, RoundTrip(AnprCodecs.HotlistEntry, entry));
            }
        }
    }

    [Fact]
    public void AManifestRoundTripsWithItsDigestAndSignature()
    {
        var decoded = RoundTrip(AnprCodecs.HotlistBatchManifest, Samples.Manifest());
        Assert.Equal(Samples.Manifest().EntriesSha256, decoded.EntriesSha256);
        Assert.Equal(Samples.Manifest().Signature, decoded.Signature);
        Assert.Equal(Samples.Manifest() with { EntriesSha256 = [], Signature = [] }, decoded with { EntriesSha256 = [], Signature = [] });
    }

    [Fact]
    public void EveryAcknowledgementOutcomeRoundTrips()
    {
        foreach (var outcome in Enum.GetValues<AlertOutcome>())
        {
            var ack = Samples.Acknowledgement() with { Outcome = outcome, Remarks = outcome == AlertOutcome.Other ? null : "r" };
            Assert.Equal(ack, RoundTrip(AnprCodecs.AlertAcknowledgement, ack));
        }
    }

    [Fact]
    public void ARejectedInputRoundTripsWithItsRawBytes()
    {
        var rejected = Samples.Rejected() with { Raw = [0, 0xFF, 0xC3, 0x01], RawTruncated = true, CameraId = null };
        var decoded = RoundTrip(AnprCodecs.RejectedInput, rejected);
        Assert.Equal(rejected.Raw, decoded.Raw);
        Assert.Equal(rejected with { Raw = [] }, decoded with { Raw = [] });
    }

    [Fact]
    public void ALargeRawPayloadRoundTripsAndTheNextMessageIsStillSmall()
    {
        var rejected = Samples.Rejected() with { Raw = new byte[1_000_000] };
        Assert.Equal(1_000_000, RoundTrip(AnprCodecs.RejectedInput, rejected).Raw.Length);
        Assert.True(AnprCodecs.RejectedInput.Encode(Samples.Rejected()).Length < 200);
    }

    [Fact]
    public void EncodingIntoABufferWriterGivesTheSameBytes()
    {
        var output = new ArrayBufferWriter<byte>();
        AnprCodecs.PlateRead.Encode(Samples.FullRead(), output);
        Assert.Equal(AnprCodecs.PlateRead.Encode(Samples.FullRead()), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void EncodingFromManyThreadsAtOnceGivesTheSameBytes()
    {
        var expected = AnprCodecs.Alert.Encode(Samples.FullAlert());
        Parallel.For(0, 2_000, _ => Assert.Equal(expected, AnprCodecs.Alert.Encode(Samples.FullAlert())));
    }

    [Fact]
    public void ANullRequiredStringIsAnAvroContractExceptionNamingTheField()
    {
        var read = Samples.FullRead() with { CameraId = null! };
        var ex = Assert.Throws<AvroContractException>(() => AnprCodecs.PlateRead.Encode(read));
        Assert.Contains("PlateRead", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cameraId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUndefinedEnumValueIsAnAvroContractException()
    {
        var entry = Samples.FullEntry() with { Category = (HotlistCategory)200 };
        var ex = Assert.Throws<AvroContractException>(() => AnprCodecs.HotlistEntry.Encode(entry));
        Assert.Contains("category", ex.Message, StringComparison.Ordinal);
    }

    private static T RoundTrip<T>(AvroCodec<T> codec, T value)
        where T : class => codec.Decode(codec.Encode(value));
}
