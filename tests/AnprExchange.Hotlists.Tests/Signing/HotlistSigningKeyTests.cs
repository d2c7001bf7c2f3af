using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Tests.Signing;

public sealed class HotlistSigningKeyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hotlist-keys-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void TheDefaultKeyIdIsSixteenHexDigitsOfThePublicKeyHash()
    {
        using var key = HotlistSigningKey.Generate();

        Assert.Matches("^[0-9a-f]{16}$", key.KeyId);
        using var reloaded = HotlistSigningKey.FromPem(key.ExportPrivateKeyPem().Split('\n', 2)[1]);
        Assert.Equal(key.KeyId, reloaded.KeyId);
    }

    [Fact]
    public void ASavedKeyPairLoadsBackWithItsKeyIdAndSignsVerifiably()
    {
        using var key = HotlistSigningKey.Generate("be-2026-q4");

        var (privatePath, publicPath) = key.Save(_dir);

        Assert.Equal("be-2026-q4.private.pem", Path.GetFileName(privatePath));
        using var loaded = HotlistSigningKey.FromFile(privatePath);
        using var publicKey = HotlistPublicKey.FromFile(publicPath);
        Assert.Equal("be-2026-q4", loaded.KeyId);
        Assert.Equal("be-2026-q4", publicKey.KeyId);
        var signature = loaded.Sign("data"u8);
        Assert.Equal(64, signature.Length);
        Assert.True(publicKey.Verify("data"u8, signature));
        Assert.False(publicKey.Verify("datA"u8, signature));
        Assert.Contains("PUBLIC KEY", File.ReadAllText(publicPath), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", File.ReadAllText(publicPath), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(privatePath));
        }
    }

    [Fact]
    public void SavingDoesNotOverwriteAnExistingKey()
    {
        using var key = HotlistSigningKey.Generate("same");
        key.Save(_dir);

        Assert.Throws<IOException>(() => key.Save(_dir));
    }

    [Fact]
    public void AnInvalidKeyIdIsRefused()
    {
        Assert.Throws<ArgumentException>(() => HotlistSigningKey.Generate("has space"));
    }

    [Fact]
    public void TheTrustStoreLoadsSeveralKeysPerCountryFromFolders()
    {
        using var old = HotlistSigningKey.Generate("nl-old");
        using var current = HotlistSigningKey.Generate("nl-new");
        using var belgian = HotlistSigningKey.Generate();
        File.Delete(old.Save(Path.Combine(_dir, "NL")).PrivatePath);
        File.Delete(current.Save(Path.Combine(_dir, "NL")).PrivatePath);
        File.Delete(belgian.Save(Path.Combine(_dir, "BE")).PrivatePath);

        using var store = HotlistTrustStore.LoadDirectory(_dir);

        Assert.Equal(["nl-new", "nl-old"], store.KeyIds("NL").Order(StringComparer.Ordinal));
        Assert.True(store.TryGet("BE", belgian.KeyId, out _));
        Assert.False(store.TryGet("BE", "nl-new", out _));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
