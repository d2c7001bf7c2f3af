using System.Text;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Tests.Plates;

public class PlateKeyTests
{
    [Theory]
    [InlineData("1ABC123")]
    [InlineData("Z")]
    [InlineData("0")]
    [InlineData("ZZZZZZZZZZZZ")]
    [InlineData("000000000000")]
    public void APlateRoundTripsThroughItsKey(string plate)
    {
        Assert.True(PlateKey.TryCreate(Encoding.ASCII.GetBytes(plate), out var key));
        Assert.Equal(plate, key.ToString());
        Assert.Equal(plate.Length, key.Length);
        Assert.False(key.IsEmpty);
    }

    [Fact]
    public void TheLargestTwelveCharacterPlateFitsBelowTwoToTheSixtyThree()
    {
        Assert.True(PlateKey.TryCreate("ZZZZZZZZZZZZ"u8, out var key));
        Assert.True(key.Value < (1UL << 63));
    }

    [Fact]
    public void AThirteenCharacterPlateHasNoKey()
    {
        Assert.False(PlateKey.TryCreate("ABCDEFGHIJKLM"u8, out var key));
        Assert.True(key.IsEmpty);
        Assert.False(PlateKey.TryCreate("ABC-DEF-GHI-JKL-M".AsSpan(), out _));
        Assert.False(OcrKey.TryCreate("ABCDEFGHIJKLM"u8, out _));
    }

    [Fact]
    public void EmptyAndNonNormalisedBytesHaveNoKey()
    {
        Assert.False(PlateKey.TryCreate(""u8, out _));
        Assert.False(PlateKey.TryCreate("1-ABC"u8, out _));
        Assert.False(PlateKey.TryCreate("abc"u8, out _));
    }

    [Fact]
    public void PlatesThatDifferOnlyByLeadingZeroesHaveDifferentKeys()
    {
        PlateKey.TryCreate("0"u8, out var one);
        PlateKey.TryCreate("00"u8, out var two);
        PlateKey.TryCreate("A"u8, out var a);
        Assert.NotEqual(one, two);
        Assert.NotEqual(one, a);
    }

    [Fact]
    public void KeyingNormalisesTheTypedPlate()
    {
        Assert.True(PlateKey.TryCreate("1-abc-123".AsSpan(), out var typed));
        Assert.True(PlateKey.TryCreate("1ABC123"u8, out var canonical));
        Assert.Equal(canonical, typed);
    }

    [Fact]
    public void OcrEquivalentPlatesShareASkeletonAndCountTheirSubstitutions()
    {
        OcrKey.TryCreate("1ABC123"u8, out var read);
        OcrKey.TryCreate("IA8C123"u8, out var entry);
        OcrKey.TryCreate("1ABC124"u8, out var other);
        Assert.Equal(read.Skeleton, entry.Skeleton);
        Assert.Equal(2, OcrKey.Substitutions(read.Members, entry.Members));
        Assert.NotEqual(read.Skeleton, other.Skeleton);
        Assert.Equal("IA8C123", entry.ToString());
        Assert.Equal(entry, OcrKey.From(entry.ToPlateKey()));
    }

    [Theory]
    [InlineData('0', 'O', true)]
    [InlineData('O', 'Q', true)]
    [InlineData('D', '0', true)]
    [InlineData('1', 'I', true)]
    [InlineData('2', 'Z', true)]
    [InlineData('5', 'S', true)]
    [InlineData('8', 'B', true)]
    [InlineData('6', 'G', true)]
    [InlineData('1', 'L', false)]
    [InlineData('B', 'D', false)]
    public void TheDefaultOcrClassesAreThoseOfTheDesign(char a, char b, bool equivalent)
    {
        Assert.Equal(equivalent, OcrClasses.AreEquivalent(a, b));
        Assert.Equal(equivalent, OcrClasses.AreEquivalent(b, a));
    }
}
