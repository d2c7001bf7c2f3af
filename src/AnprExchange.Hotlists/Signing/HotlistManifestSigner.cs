using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Signing;

/// <summary>Signs a manifest: sets SignerKeyId, then signs <see cref="HotlistCanonicalForm.Manifest"/> (every field but the signature).</summary>
public static class HotlistManifestSigner
{
    public static HotlistBatchManifest Sign(HotlistBatchManifest manifest, HotlistSigningKey key)
    {
        var unsigned = manifest with { SignerKeyId = key.KeyId, Signature = [] };
        return unsigned with { Signature = key.Sign(HotlistCanonicalForm.Manifest(unsigned)) };
    }
}
