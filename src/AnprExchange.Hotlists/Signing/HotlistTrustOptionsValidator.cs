using Microsoft.Extensions.Options;

namespace AnprExchange.Hotlists.Signing;

/// <summary>Fails start-up when the trust configuration cannot be loaded or trusts no key at all.</summary>
public sealed class HotlistTrustOptionsValidator : IValidateOptions<HotlistTrustOptions>
{
    public ValidateOptionsResult Validate(string? name, HotlistTrustOptions options)
    {
        try
        {
            using var store = HotlistTrustStore.Load(options);
            return store.Countries.Any()
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{HotlistTrustOptions.SectionName}: no public key configured; every hotlist batch would be rejected.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return ValidateOptionsResult.Fail($"{HotlistTrustOptions.SectionName}: {e.Message}");
        }
    }
}
