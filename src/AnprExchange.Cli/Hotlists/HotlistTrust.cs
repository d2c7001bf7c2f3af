using System.Security.Cryptography;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Cli.Hotlists;

/// <summary>Loads a --trusted-keys folder for a verb, reporting why it cannot be used.</summary>
internal static class HotlistTrust
{
    public static bool TryLoad(DirectoryInfo? folder, string verb, TextWriter error, out HotlistTrustStore trust)
    {
        if (folder is null)
        {
            trust = new HotlistTrustStore();
            return true;
        }
        try
        {
            trust = HotlistTrustStore.LoadDirectory(folder.FullName);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException or InvalidDataException or FormatException)
        {
            error.WriteLine($"{verb}: trusted keys in {folder.FullName} unusable: {e.Message}");
            trust = null!;
            return false;
        }
    }
}
