using System.Runtime.CompilerServices;

namespace AnprExchange.Core.Plates;

/// <summary>
/// A normalised plate (A–Z, 0–9, 1 to 12 characters) packed into 64 bits, base 37: each character is a digit
/// 1–36 ('0'–'9' then 'A'–'Z'), first character most significant, so no two plates share a value and 0 means
/// "no plate". 37^12 ≈ 6.6e18 &lt; 2^63, so 12 characters is the hard limit: a longer plate has no key
/// (<see cref="TryCreate(ReadOnlySpan{byte}, out PlateKey)"/> returns false), matching the normaliser's
/// <see cref="PlateNormalizer.MaxLength"/>.
/// </summary>
public readonly record struct PlateKey(ulong Value)
{
    public const int MaxLength = 12;
    private const int Radix = 37;

    public bool IsEmpty => Value == 0;

    /// <summary>Packs already-normalised ASCII bytes; false when empty, longer than 12 or not A–Z/0–9.</summary>
    public static bool TryCreate(ReadOnlySpan<byte> normalized, out PlateKey key)
    {
        key = default;
        if ((uint)(normalized.Length - 1) >= MaxLength)
        {
            return false;
        }
        ulong value = 0;
        foreach (var b in normalized)
        {
            var digit = Digit(b);
            if (digit == 0)
            {
                return false;
            }
            value = (value * Radix) + digit;
        }
        key = new PlateKey(value);
        return true;
    }

    /// <summary>Normalises <paramref name="plate"/> as typed or read ("1-abc-123") and packs it.</summary>
    public static bool TryCreate(ReadOnlySpan<char> plate, out PlateKey key)
    {
        Span<byte> buffer = stackalloc byte[PlateNormalizer.MaxLength];
        if (PlateNormalizer.Normalize(plate, buffer, out var written) != PlateStatus.Valid)
        {
            key = default;
            return false;
        }
        return TryCreate(buffer[..written], out key);
    }

    /// <summary>Number of characters.</summary>
    public int Length
    {
        get
        {
            var length = 0;
            for (var v = Value; v != 0; v /= Radix)
            {
                length++;
            }
            return length;
        }
    }

    /// <summary>Writes the plate's ASCII characters; returns how many.</summary>
    public int CopyTo(Span<byte> destination)
    {
        var length = Length;
        var v = Value;
        for (var i = length - 1; i >= 0; i--)
        {
            destination[i] = Character((int)(v % Radix));
            v /= Radix;
        }
        return length;
    }

    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        var length = CopyTo(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..length]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Digit(byte b)
    {
        if ((uint)(b - '0') <= 9)
        {
            return (uint)(b - '0' + 1);
        }
        return (uint)(b - 'A') <= 'Z' - 'A' ? (uint)(b - 'A' + 11) : 0;
    }

    private static byte Character(int digit) => digit <= 10 ? (byte)('0' + digit - 1) : (byte)('A' + digit - 11);
}
