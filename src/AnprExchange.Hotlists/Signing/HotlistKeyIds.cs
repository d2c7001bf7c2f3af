using System.Security.Cryptography;

namespace AnprExchange.Hotlists.Signing;

/// <summary>
/// Key ids name a signer in manifests. By default the first 16 hex digits (lower case) of the SHA-256 of the key's
/// SubjectPublicKeyInfo; an operator may choose one instead (1–64 of A–Z, a–z, 0–9, '.', '_', '-'), written in the
/// PEM files as a "key-id: …" line above the PEM block.
/// </summary>
public static class HotlistKeyIds
{
    internal const string PemHeader = "key-id:";

    public static string Derive(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo))[..16];

    public static bool IsValid(ReadOnlySpan<char> keyId)
    {
        if (keyId.IsEmpty || keyId.Length > 64)
        {
            return false;
        }
        foreach (var c in keyId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The "key-id: …" line before the PEM block, if any.</summary>
    internal static string? FromPemText(string pemText)
    {
        foreach (var line in pemText.AsSpan().EnumerateLines())
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                break;
            }
            if (trimmed.StartsWith(PemHeader, StringComparison.OrdinalIgnoreCase))
            {
                var id = trimmed[PemHeader.Length..].Trim().ToString();
                return IsValid(id) ? id : throw new CryptographicException($"'{id}' is not a valid key id.");
            }
        }
        return null;
    }

    internal static string WithHeader(string keyId, string pem) => $"{PemHeader} {keyId}\n{pem}\n";
}
