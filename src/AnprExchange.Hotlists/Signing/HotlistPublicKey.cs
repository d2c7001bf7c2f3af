using System.Security.Cryptography;

namespace AnprExchange.Hotlists.Signing;

/// <summary>A partner's (or our own) ECDSA P-256 public key with its key id; verifies manifest signatures.</summary>
public sealed class HotlistPublicKey : IDisposable
{
    private readonly ECDsa _key;

    private HotlistPublicKey(ECDsa key, string keyId)
    {
        _key = key;
        KeyId = keyId;
    }

    public string KeyId { get; }

    /// <summary>Reads a "PUBLIC KEY" PEM block (SubjectPublicKeyInfo); a "key-id: …" line above it overrides the derived id.</summary>
    public static HotlistPublicKey FromPem(string pemText)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pemText);
            ThrowIfNotP256(key);
            var keyId = HotlistKeyIds.FromPemText(pemText) ?? HotlistKeyIds.Derive(key.ExportSubjectPublicKeyInfo());
            return new HotlistPublicKey(key, keyId);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public static HotlistPublicKey FromFile(string path) => FromPem(File.ReadAllText(path));

    internal static HotlistPublicKey FromParameters(ECParameters parameters, string keyId)
    {
        var key = ECDsa.Create(new ECParameters { Curve = parameters.Curve, Q = parameters.Q });
        return new HotlistPublicKey(key, keyId);
    }

    /// <summary>The PEM text written by keygen: the key id line, then the "PUBLIC KEY" block.</summary>
    public string ExportPem() => HotlistKeyIds.WithHeader(KeyId, _key.ExportSubjectPublicKeyInfoPem());

    /// <summary>True when <paramref name="signature"/> (IEEE P1363, r‖s, 64 bytes) signs <paramref name="data"/> with SHA-256.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        _key.VerifyData(data, signature, HashAlgorithmName.SHA256);

    internal static void ThrowIfNotP256(ECDsa key)
    {
        if (key.KeySize != 256)
        {
            throw new CryptographicException($"Hotlist keys are ECDSA P-256; this key has {key.KeySize} bits.");
        }
    }

    public void Dispose() => _key.Dispose();
}
