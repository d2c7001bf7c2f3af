using System.Text;
using AnprExchange.Core.Plates;
using CsCheck;

namespace AnprExchange.Core.Tests.Plates;

public class PlateNormalizerTests
{
    [Theory]
    [InlineData("1-ABC-123", "1ABC123")] // Belgium
    [InlineData("AB-123-C", "AB123C")] // Netherlands, sidecode 9
    [InlineData("12-ABC-3", "12ABC3")] // Netherlands, sidecode 10
    [InlineData("AB 1234", "AB1234")] // Luxembourg
    [InlineData("B-MW 1234", "BMW1234")] // Germany
    [InlineData("AB-123-CD", "AB123CD")] // France
    [InlineData("1-abc-123", "1ABC123")] // lower case
    [InlineData("ab.123·cd", "AB123CD")] // dot and middle dot
    [InlineData("1\u2013ABC\u2014123", "1ABC123")] // en and em dashes
    [InlineData("AB\u2011123\u2212C", "AB123C")] // non-breaking hyphen and minus sign
    [InlineData("AB\u00A01234", "AB1234")] // no-break space
    [InlineData("ABCDEF123456", "ABCDEF123456")] // exactly 12 characters
    public void ValidPlatesNormaliseToUpperCaseLettersAndDigitsFromUtf16AndUtf8(string input, string expected)
    {
        Assert.Equal(expected, NormalizeUtf16(input, out var status16));
        Assert.Equal(PlateStatus.Valid, status16);
        Assert.Equal(expected, NormalizeUtf8(input, out var status8));
        Assert.Equal(PlateStatus.Valid, status8);
        Assert.True(PlateNormalizer.TryNormalize(input, out var normalized, out _));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("", PlateStatus.Empty)]
    [InlineData(" - . ", PlateStatus.Empty)]
    [InlineData("ABCDEF1234567", PlateStatus.TooLong)]
    [InlineData("AB-CDE-F12-34567", PlateStatus.TooLong)]
    [InlineData("AB#123", PlateStatus.InvalidCharacter)]
    [InlineData("AB_123", PlateStatus.InvalidCharacter)]
    [InlineData("ÄB123", PlateStatus.InvalidCharacter)]
    [InlineData("AB123😀", PlateStatus.InvalidCharacter)]
    [InlineData("AB/123", PlateStatus.InvalidCharacter)]
    public void InvalidPlatesAreRefusedWithTheReasonFromUtf16AndUtf8(string input, PlateStatus expected)
    {
        NormalizeUtf16(input, out var status16);
        Assert.Equal(expected, status16);
        NormalizeUtf8(input, out var status8);
        Assert.Equal(expected, status8);
        Assert.False(PlateNormalizer.TryNormalize(input, out var normalized, out var status));
        Assert.Equal(expected, status);
        Assert.Equal("", normalized);
        Assert.NotEmpty(status.Describe());
    }

    [Fact]
    public void MalformedUtf8IsAnInvalidCharacter()
    {
        Span<byte> destination = stackalloc byte[PlateNormalizer.MaxLength];
        Assert.Equal(PlateStatus.InvalidCharacter, PlateNormalizer.Normalize([(byte)'A', 0xC3], destination, out _));
        Assert.Equal(PlateStatus.InvalidCharacter, PlateNormalizer.Normalize([0xFF, (byte)'A'], destination, out _));
    }

    [Fact]
    public void Utf8AndUtf16InputNormaliseAlikeForAnyText()
    {
        // Every ASCII character, separators typed as Unicode dashes and no-break spaces, letters with accents.
        Gen.Char["\u0000\u0001 !-./09:@AZ[`az{\u007F\u00A0·\u2010\u2013\u2212éÅ"].Array[0, 16].Select(c => new string(c))
            .Sample(text =>
            {
                var utf16 = NormalizeUtf16(text, out var utf16Status);
                var utf8 = NormalizeUtf8(text, out var utf8Status);
                Assert.Equal(utf16Status, utf8Status);
                Assert.Equal(utf16, utf8);
            }, iter: 20_000);
        Gen.Char[(char)0, (char)127].Array[0, 16].Select(c => new string(c))
            .Sample(text => Assert.Equal(NormalizeUtf16(text, out var a) + a, NormalizeUtf8(text, out var b) + b), iter: 20_000);
    }

    [Fact]
    public void NormalisingIsIdempotent()
    {
        Assert.True(PlateNormalizer.TryNormalize("1-abc-123", out var once, out _));
        Assert.True(PlateNormalizer.TryNormalize(once, out var twice, out _));
        Assert.Equal(once, twice);
    }

    private static string NormalizeUtf16(string input, out PlateStatus status)
    {
        Span<byte> destination = stackalloc byte[PlateNormalizer.MaxLength];
        status = PlateNormalizer.Normalize(input.AsSpan(), destination, out var written);
        return Encoding.ASCII.GetString(destination[..written]);
    }

    private static string NormalizeUtf8(string input, out PlateStatus status)
    {
        Span<byte> destination = stackalloc byte[PlateNormalizer.MaxLength];
        status = PlateNormalizer.Normalize(Encoding.UTF8.GetBytes(input), destination, out var written);
        return Encoding.ASCII.GetString(destination[..written]);
    }
}
