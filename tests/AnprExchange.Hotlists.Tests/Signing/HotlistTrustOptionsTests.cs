using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Tests.Signing;

public sealed class HotlistTrustOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hotlist-trust-").FullName;

    [Fact]
    public void KeysComeFromTheFolderFromPathsAndFromInlinePemText()
    {
        using var inFolder = HotlistSigningKey.Generate("nl-1");
        using var byPath = HotlistSigningKey.Generate("lu-1");
        using var inline = HotlistSigningKey.Generate("be-1");
        inFolder.Save(Path.Combine(_dir, "trust", "NL"));
        File.Delete(Path.Combine(_dir, "trust", "NL", "nl-1.private.pem"));
        var (_, luPublic) = byPath.Save(Path.Combine(_dir, "lu"));

        using var store = HotlistTrustStore.Load(new HotlistTrustOptions
        {
            Directory = Path.Combine(_dir, "trust"),
            Keys = { ["LU"] = [luPublic], ["BE"] = [inline.ExportPublicKeyPem()] },
        });

        Assert.Equal(["BE", "LU", "NL"], store.Countries.Order(StringComparer.Ordinal));
        Assert.True(store.TryGet("BE", "be-1", out _));
        Assert.True(store.TryGet("LU", "lu-1", out _));
        Assert.True(store.TryGet("NL", "nl-1", out _));
    }

    [Fact]
    public void StartUpFailsWhenNoKeyIsTrusted()
    {
        var result = new HotlistTrustOptionsValidator().Validate(null, new HotlistTrustOptions());

        Assert.True(result.Failed);
        Assert.Contains("no public key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void StartUpFailsWhenTheFolderIsMissingOrAKeyIsUnreadable()
    {
        var validator = new HotlistTrustOptionsValidator();

        Assert.True(validator.Validate(null, new HotlistTrustOptions { Directory = Path.Combine(_dir, "nope") }).Failed);
        Assert.True(validator.Validate(null, new HotlistTrustOptions { Keys = { ["BE"] = ["-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"] } }).Failed);
        Assert.True(validator.Validate(null, new HotlistTrustOptions { Keys = { ["be"] = [Path.Combine(_dir, "missing.pem")] } }).Failed);
    }

    [Fact]
    public void AFolderNotNamedAfterACountryIsRefused()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "trust", "Belgium"));

        Assert.Throws<InvalidDataException>(() => HotlistTrustStore.LoadDirectory(Path.Combine(_dir, "trust")));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
