using System.Text;
using AnprExchange.Core.Plates;

namespace AnprExchange.Hotlists.Plates;

/// <summary>
/// The plate of a hotlist entry: a normalised plate ("1ABC123") or a pattern with wildcards
/// (<c>?</c> = exactly one character, <c>*</c> = any run of 0 or more). Fixed characters are normalised like a
/// plate (case-folded, separators dropped); runs of <c>*</c> collapse to one; a pattern needs at least one fixed
/// character and its shortest match may not exceed <see cref="PlateNormalizer.MaxLength"/>.
/// </summary>
public static class HotlistPlatePattern
{
    public const char AnyOne = '?';
    public const char AnyRun = '*';

    /// <summary>True when <paramref name="plate"/> (already normalised) holds a wildcard.</summary>
    public static bool IsPattern(ReadOnlySpan<char> plate) => plate.IndexOfAny(AnyOne, AnyRun) >= 0;

    /// <summary>Normalises a plate or pattern as typed in a CSV file; on failure <paramref name="error"/> says why.</summary>
    public static bool TryNormalize(ReadOnlySpan<char> input, out string normalized, out string? error)
    {
        normalized = string.Empty;
        if (!IsPattern(input))
        {
            if (PlateNormalizer.TryNormalize(input, out normalized, out var status))
            {
                error = null;
                return true;
            }
            error = status.Describe();
            return false;
        }

        var builder = new StringBuilder(input.Length);
        Span<byte> one = stackalloc byte[1];
        int fixedCount = 0, minLength = 0;
        foreach (var c in input)
        {
            if (c == AnyRun)
            {
                if (builder.Length == 0 || builder[^1] != AnyRun)
                {
                    builder.Append(AnyRun);
                }
                continue;
            }
            if (c == AnyOne)
            {
                builder.Append(AnyOne);
                minLength++;
                continue;
            }
            if (PlateNormalizer.IsSeparator(c))
            {
                continue;
            }
            if (PlateNormalizer.Normalize([c], one, out _) != PlateStatus.Valid)
            {
                error = "plate pattern has a character other than A-Z, 0-9, separators, ? and *";
                return false;
            }
            builder.Append((char)one[0]);
            fixedCount++;
            minLength++;
        }

        if (fixedCount == 0)
        {
            error = "plate pattern needs at least one fixed character besides ? and *";
            return false;
        }
        if (minLength > PlateNormalizer.MaxLength)
        {
            error = $"plate pattern matches nothing shorter than {minLength} characters; plates have at most {PlateNormalizer.MaxLength}";
            return false;
        }
        normalized = builder.ToString();
        error = null;
        return true;
    }
}
