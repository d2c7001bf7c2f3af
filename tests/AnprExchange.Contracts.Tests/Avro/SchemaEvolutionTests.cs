using AnprExchange.Contracts.Avro;

namespace AnprExchange.Contracts.Tests.Avro;

public sealed class SchemaEvolutionTests
{
    [Fact]
    public void TheReadCodecKnowsTheV1SchemaFromTheHistoryFolder() =>
        Assert.Contains(HistoricMessages.PlateReadV1Fingerprint, AnprCodecs.PlateRead.HistoricFingerprints);

    [Fact]
    public void AReadWrittenWithTheV1SchemaIsReadWithTheDefaultOfTheNewField()
    {
        var message = HistoricMessages.PlateReadV1(Samples.FullRead());
        Assert.NotEqual(AnprCodecs.PlateRead.Fingerprint, BitConverter.ToInt64(message, 2));

        var read = AnprCodecs.PlateRead.Decode(message);

        Assert.Equal(Samples.FullRead() with { IngestedAt = null }, read);
    }

    [Fact]
    public void AMinimalV1ReadIsReadWithNullsAndUnicodeIntact()
    {
        var sample = Samples.UnicodeRead() with { Country = null, Confidence = null, Lat = null, Lon = null, Direction = null };
        Assert.Equal(sample with { IngestedAt = null }, AnprCodecs.PlateRead.Decode(HistoricMessages.PlateReadV1(sample)));
    }

    [Fact]
    public void AReadWrittenWithTheCurrentSchemaIsReadableByTheV1ReaderSchema()
    {
        var message = AnprCodecs.PlateRead.Encode(Samples.FullRead());

        var record = HistoricMessages.ReadGeneric(AnprCodecs.PlateRead.Schema, HistoricMessages.PlateReadV1Schema, message.AsSpan(SingleObjectEncoding.HeaderLength));

        Assert.False(record.TryGetValue("ingestedAt", out _));
        Assert.Equal("cam-17:42", record["readId"]);
        Assert.Equal("cam-17", record["cameraId"]);
        Assert.Equal(Samples.Seen.UtcDateTime, record["timestamp"]);
        Assert.Equal("1-ABC-123", record["plate"]);
        Assert.Equal("in", record["direction"]);
    }
}
