using System.Text;
using AnprExchange.Core.Plates;
using AnprExchange.EdgeAgent.Ingest;
using CsCheck;

namespace AnprExchange.EdgeAgent.Tests.Ingest;

public sealed class AsciiPlateTests
{
    private static void AssertSameStatus(string plate)
    {
        // As in a line: the plate, its closing quote and more bytes, so that 16 bytes from its start are readable.
        var bytes = Encoding.ASCII.GetBytes(plate + "\",\"country\":\"BE\"}");
        var expected = PlateNormalizer.Normalize(Encoding.ASCII.GetBytes(plate), new byte[PlateNormalizer.MaxLength], out _);
        Assert.Equal(expected, AsciiPlate.Check(ref bytes[0], plate.Length));
    }

    [Theory]
    [InlineData("1-ABC-123")]
    [InlineData("ab 12.cd")]
    [InlineData("")]
    [InlineData(" - . ")]
    [InlineData("AB#12")]
    [InlineData("ABCDEFGHIJKL")]
    [InlineData("ABCDEFGHIJKLM")]
    [InlineData("ABCDEFGHIJKLM#")]
    [InlineData("ABCDEFGHIJKL#M")]
    [InlineData("A-B-C-D-E-F-G-H")]
    [InlineData("@[`{/:_~")]
    public void TheVectorCheckGivesTheNormalisersStatus(string plate)
    {
        AssertSameStatus(plate);
    }

    [Fact]
    public void GeneratedAsciiPlatesGetTheNormalisersStatus()
    {
        // Mostly letters and digits, with separators and the ASCII neighbours of every range.
        Gen.Char["ABCXYZabcxyz0159 -.@[`{/:_~#!"].Array[0, AsciiPlate.MaxLength].Select(chars => new string(chars))
            .Sample(AssertSameStatus, iter: 50_000);
    }
}
