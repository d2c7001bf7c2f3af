using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using AnprExchange.Core.Plates;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// <see cref="PlateNormalizer"/>'s verdict on a short ASCII plate (≤ 16 bytes), from one 16-byte vector: a mask of
/// letters and digits and a mask of bytes that are neither those nor a separator (space, '-', '.'). The normaliser
/// stops at the first invalid byte or at the 13th letter or digit, whichever comes first; the masks say which.
/// </summary>
internal static class AsciiPlate
{
    public const int MaxLength = 16;

    /// <summary>
    /// The status for the <paramref name="length"/> (≤ <see cref="MaxLength"/>) ASCII bytes at <paramref name="plate"/>;
    /// the caller guarantees that 16 bytes from there on are readable (bytes past the plate are masked off).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PlateStatus Check(ref byte plate, int length)
    {
        var bytes = Vector128.LoadUnsafe(ref plate);
        // Clearing bit 5 folds a–z onto A–Z; for ASCII no other byte lands there.
        var letters = Vector128.LessThanOrEqual(((bytes & Vector128.Create((byte)0xDF)) - Vector128.Create((byte)'A')), Vector128.Create((byte)('Z' - 'A')));
        var digits = Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)9));
        var separators = Vector128.Equals(bytes, Vector128.Create((byte)' '))
            | Vector128.Equals(bytes, Vector128.Create((byte)'-'))
            | Vector128.Equals(bytes, Vector128.Create((byte)'.'));
        var inside = (1u << length) - 1;
        var kept = (letters | digits).ExtractMostSignificantBits() & inside;
        var invalid = ~(letters | digits | separators).ExtractMostSignificantBits() & inside;
        // Letters and digits before the first invalid byte (all of them when there is none).
        var before = invalid == 0 ? kept : kept & ((1u << BitOperations.TrailingZeroCount(invalid)) - 1);
        var count = BitOperations.PopCount(before);
        return count > PlateNormalizer.MaxLength ? PlateStatus.TooLong
            : invalid != 0 ? PlateStatus.InvalidCharacter
            : count == 0 ? PlateStatus.Empty
            : PlateStatus.Valid;
    }
}
