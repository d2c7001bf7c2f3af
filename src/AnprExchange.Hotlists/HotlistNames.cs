namespace AnprExchange.Hotlists;

/// <summary>Rules for the names that identify a list: the source country (ISO 3166 alpha-2) and the list name.</summary>
public static class HotlistNames
{
    public const int MaxListNameLength = 64;

    /// <summary>Two upper-case ASCII letters, e.g. "BE". Whether the code is assigned is not checked.</summary>
    public static bool IsCountryCode(ReadOnlySpan<char> text) =>
        text.Length == 2 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]);

    /// <summary>1–64 characters of a–z, A–Z, 0–9, '-', '_' and '.'; the name goes into keys, logs and file names.</summary>
    public static bool IsListName(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxListNameLength)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    internal static void ThrowIfInvalid(string sourceCountry, string list)
    {
        if (!IsCountryCode(sourceCountry))
        {
            throw new ArgumentException($"'{sourceCountry}' is not an ISO 3166 alpha-2 country code in upper case.", nameof(sourceCountry));
        }
        if (!IsListName(list))
        {
            throw new ArgumentException($"'{list}' is not a valid list name (1-{MaxListNameLength} of A-Z, a-z, 0-9, '-', '_', '.').", nameof(list));
        }
    }
}
