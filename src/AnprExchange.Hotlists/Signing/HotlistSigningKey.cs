using System.Security.Cryptography;

namespace AnprExchange.Hotlists.Signing;

/// <summary>
/// A country's ECDSA P-256 private key for signing batch manifests. Files: "&lt;keyId&gt;.private.pem" (PKCS#8
/// "PRIVATE KEY", owner read/write only) and "&lt;keyId&gt;.public.pem" (SubjectPublicKeyInfo "PUBLIC KEY") for partners'
/// trust stores; both start with a "key-id: …" line. Signatures are IEEE P1363 (r‖s, 64 bytes) over SHA-256.
/// </summary>
public sealed class HotlistSigningKey : IDisposable
{
    private readonly ECDsa _key;

    private HotlistSigningKey(ECDsa key, string keyId)
    {
        _key = key;
        KeyId = keyId;
    }

    public string KeyId { get; }

    public static HotlistSigningKey Generate(string? keyId = null)
    {
        if (keyId is not null && !HotlistKeyIds.IsValid(keyId))
        {
            throw new ArgumentException($"'{keyId}' is not a valid key id (1-64 of A-Z, a-z, 0-9, '.', '_', '-').", nameof(keyId));
        }
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new HotlistSigningKey(key, keyId ?? HotlistKeyIds.Derive(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>Reads a "PRIVATE KEY" (PKCS#8) or "EC PRIVATE KEY" PEM block; a "key-id: …" line above it sets the id.</summary>
    public static HotlistSigningKey FromPem(string pemText)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pemText);
            HotlistPublicKey.ThrowIfNotP256(key);
            var keyId = HotlistKeyIds.FromPemText(pemText) ?? HotlistKeyIds.Derive(key.ExportSubjectPublicKeyInfo());
            return new HotlistSigningKey(key, keyId);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public static HotlistSigningKey FromFile(string path) => FromPem(File.ReadAllText(path));

    public string ExportPrivateKeyPem() => HotlistKeyIds.WithHeader(KeyId, _key.ExportPkcs8PrivateKeyPem());

    public string ExportPublicKeyPem() => HotlistKeyIds.WithHeader(KeyId, _key.ExportSubjectPublicKeyInfoPem());

    /// <summary>The public half, for a trust store (e.g. our own matcher trusting our own pushes).</summary>
    public HotlistPublicKey PublicKey() => HotlistPublicKey.FromParameters(_key.ExportParameters(false), KeyId);

    /// <summary>Writes the key pair into <paramref name="directory"/>; returns (private, public) paths. Refuses to overwrite.</summary>
    public (string PrivatePath, string PublicPath) Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var privatePath = Path.Combine(directory, $"{KeyId}.private.pem");
        var publicPath = Path.Combine(directory, $"{KeyId}.public.pem");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(privatePath, options))
        {
            writer.Write(ExportPrivateKeyPem());
        }
        File.WriteAllText(publicPath, ExportPublicKeyPem());
        return (privatePath, publicPath);
    }

    public byte[] Sign(ReadOnlySpan<byte> data) => _key.SignData(data, HashAlgorithmName.SHA256);

    public void Dispose() => _key.Dispose();
}
