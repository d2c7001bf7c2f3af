using System.Text;
using AnprExchange.EdgeAgent.Ingest;
using CsCheck;

namespace AnprExchange.EdgeAgent.Tests.Ingest;

public sealed class ReadFieldNamesTests
{
    private static ReadField IdentifyByWords(string name)
    {
        // As in a line: the name, its closing quote, and more bytes after it for the eight-byte load.
        var bytes = Encoding.ASCII.GetBytes(name + "\":\"xxxxxxxx\"}");
        return ReadFieldNames.Identify(ref bytes[0], name.Length);
    }

    [Theory]
    [InlineData("readId", nameof(ReadField.ReadId))]
    [InlineData("cameraId", nameof(ReadField.CameraId))]
    [InlineData("timestamp", nameof(ReadField.Timestamp))]
    [InlineData("plate", nameof(ReadField.Plate))]
    [InlineData("country", nameof(ReadField.Country))]
    [InlineData("confidence", nameof(ReadField.Confidence))]
    [InlineData("lat", nameof(ReadField.Lat))]
    [InlineData("lon", nameof(ReadField.Lon))]
    [InlineData("direction", nameof(ReadField.Direction))]
    [InlineData("timestamq", nameof(ReadField.Other))]
    [InlineData("directioN", nameof(ReadField.Other))]
    [InlineData("confidenca", nameof(ReadField.Other))]
    [InlineData("lan", nameof(ReadField.Other))]
    [InlineData("", nameof(ReadField.Other))]
    public void TheWordCompareIdentifiesEachNameAsTheByteCompareDoes(string name, string expected)
    {
        Assert.Equal(expected, ReadFieldNames.Identify(Encoding.ASCII.GetBytes(name)).ToString());
        Assert.Equal(expected, IdentifyByWords(name).ToString());
    }

    [Fact]
    public void NamesMadeOfTheKnownNamesLettersAreIdentifiedAlikeByBothCompares()
    {
        // Letters of the known names, so that near misses (one byte off, a prefix, a longer name) come up often.
        Gen.Char["readIcmsptlonfuyg"].Array[0, 12].Select(chars => new string(chars))
            .Sample(name => Assert.Equal(ReadFieldNames.Identify(Encoding.ASCII.GetBytes(name)), IdentifyByWords(name)), iter: 50_000);
    }
}
