using System.Security.Cryptography;
using System.Text;

namespace AnprExchange.Contracts.Audit;

/// <summary>
/// Pseudonymises plates for the audit trail: lower-case hex HMAC-SHA256 of the UTF-8 plate under a secret key.
/// The same plate always gives the same pseudonym under one key, so sightings stay linkable; without the key the
/// plate cannot be recovered by trying all plates. Thread-safe, allocation is one string per call.
/// </summary>
public sealed class PlatePseudonymizer
{
    public const int MinimumKeyBytes = 32;
    private readonly byte[] _key;

    public PlatePseudonymizer(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit key must be at least {MinimumKeyBytes} bytes.", nameof(key));
        }
        _key = key.ToArray();
    }

    /// <summary>A pseudonymiser with a fresh random key: pseudonyms link only within this process's lifetime.</summary>
    public static PlatePseudonymizer WithEphemeralKey() => new(RandomNumberGenerator.GetBytes(MinimumKeyBytes));

    public string Pseudonymise(string plate)
    {
        Span<byte> utf8 = stackalloc byte[64];
        var written = plate.Length <= 16 ? Encoding.UTF8.GetBytes(plate, utf8) : -1;
        var input = written >= 0 ? utf8[..written] : Encoding.UTF8.GetBytes(plate);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, input, mac);
        return Convert.ToHexStringLower(mac);
    }
}
