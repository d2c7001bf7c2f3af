using System.Text;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

/// <summary>
/// Normalises an entry's plate or pattern: fixed characters like a read's plate, <c>?</c> kept, runs of <c>*</c>
/// collapsed; a pattern needs a fixed character and a shortest match of at most 12 characters.
/// </summary>
public static class EntryPlate
{
    public static bool IsPattern(ReadOnlySpan<char> plate) => plate.IndexOfAny('?', '*') >= 0;

    public static bool TryNormalize(string plate, out string normalized, out bool isPattern, out string? error)
    {
        ArgumentNullException.ThrowIfNull(plate);
        isPattern = IsPattern(plate);
        if (!isPattern)
        {
            var ok = PlateNormalizer.TryNormalize(plate, out normalized, out var status);
            error = ok ? null : status.Describe();
            return ok;
        }
        var builder = new StringBuilder(plate.Length);
        int fixedCount = 0, minLength = 0;
        Span<byte> one = stackalloc byte[1];
        foreach (var c in plate)
        {
            if (c == '*')
            {
                if (builder.Length == 0 || builder[^1] != '*')
                {
                    builder.Append('*');
                }
                continue;
            }
            if (c == '?')
            {
                builder.Append('?');
                minLength++;
                continue;
            }
            if (PlateNormalizer.IsSeparator(c))
            {
                continue;
            }
            if (PlateNormalizer.Normalize([c], one, out _) != PlateStatus.Valid)
            {
                normalized = "";
                error = "plate pattern has a character other than A-Z, 0-9, separators, ? and *";
                return false;
            }
            builder.Append((char)one[0]);
            fixedCount++;
            minLength++;
        }
        normalized = builder.ToString();
        error = fixedCount == 0 ? "plate pattern needs at least one fixed character"
            : minLength > PlateNormalizer.MaxLength ? $"plate pattern is longer than {PlateNormalizer.MaxLength} characters"
            : null;
        return error is null;
    }
}
