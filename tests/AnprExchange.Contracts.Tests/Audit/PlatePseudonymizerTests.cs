using AnprExchange.Contracts.Audit;

namespace AnprExchange.Contracts.Tests.Audit;

public sealed class PlatePseudonymizerTests
{
    [Fact]
    public void TheSamePlateUnderTheSameKeyGivesTheSamePseudonym()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        Assert.Equal(new PlatePseudonymizer(key).Pseudonymise("1ABC123"), new PlatePseudonymizer(key).Pseudonymise("1ABC123"));
    }

    [Fact]
    public void ThePseudonymIsTheHexHmacSha256OfThePlate()
    {
        var key = new byte[32];
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, "1ABC123"u8));

        Assert.Equal(expected, new PlatePseudonymizer(key).Pseudonymise("1ABC123"));
    }

    [Fact]
    public void DifferentKeysOrPlatesGiveDifferentPseudonyms()
    {
        var a = new PlatePseudonymizer(new byte[32]);
        var b = PlatePseudonymizer.WithEphemeralKey();

        Assert.NotEqual(a.Pseudonymise("1ABC123"), b.Pseudonymise("1ABC123"));
        Assert.NotEqual(a.Pseudonymise("1ABC123"), a.Pseudonymise("1ABC124"));
        Assert.Equal(a.Pseudonymise("VERYLONGPLATE12345"), a.Pseudonymise("VERYLONGPLATE12345"));
    }

    [Fact]
    public void AShortKeyIsRefused()
    {
        Assert.Throws<ArgumentException>(() => new PlatePseudonymizer(new byte[16]));
    }
}
