using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnprExchange.Core.Plates;

/// <summary>
/// A normalised plate split for OCR-tolerant matching: <see cref="Skeleton"/> is the plate's sequence of
/// <see cref="OcrClasses"/> codes packed base 29 (29^12 &lt; 2^59; 0 = none), and <see cref="Members"/> holds
/// 2 bits per position (position i at bits 2i) saying which member of its class each character is. Skeleton and
/// members together are the exact plate; equal skeletons mean OCR-equivalent, and
/// <see cref="Substitutions"/> counts the positions where the members differ.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct OcrKey(ulong Skeleton, uint Members)
{
    private const int Radix = OcrClasses.ClassCount + 1;

    public bool IsEmpty => Skeleton == 0;

    /// <summary>Encodes already-normalised ASCII bytes; false when empty, longer than 12 or not A–Z/0–9.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCreate(ReadOnlySpan<byte> normalized, out OcrKey key)
    {
        key = default;
        if ((uint)(normalized.Length - 1) >= PlateKey.MaxLength)
        {
            return false;
        }
        ref var codes = ref MemoryMarshal.GetArrayDataReference(OcrClasses.Codes);
        ulong skeleton = 0;
        uint members = 0;
        for (var i = 0; i < normalized.Length; i++)
        {
            uint b = normalized[i];
            if (b >= 128)
            {
                return false;
            }
            uint code = Unsafe.Add(ref codes, (nint)b);
            if (code == 0)
            {
                return false;
            }
            skeleton = (skeleton * Radix) + (code & 0x1F);
            members |= (code >> 5) << (2 * i);
        }
        key = new OcrKey(skeleton, members);
        return true;
    }

    public static OcrKey From(PlateKey plate)
    {
        Span<byte> buffer = stackalloc byte[PlateKey.MaxLength];
        var length = plate.CopyTo(buffer);
        return TryCreate(buffer[..length], out var key) ? key : default;
    }

    /// <summary>Positions where two plates with the same skeleton differ (each an OCR substitution).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Substitutions(uint members, uint otherMembers)
    {
        var x = members ^ otherMembers;
        return BitOperations.PopCount((x | (x >> 1)) & 0x555555u);
    }

    /// <summary>Number of characters.</summary>
    public int Length
    {
        get
        {
            var length = 0;
            for (var v = Skeleton; v != 0; v /= Radix)
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
        var v = Skeleton;
        for (var i = length - 1; i >= 0; i--)
        {
            var cls = (int)(v % Radix);
            var member = (int)(Members >> (2 * i)) & 3;
            destination[i] = OcrClasses.Characters[(cls * 4) + member];
            v /= Radix;
        }
        return length;
    }

    public PlateKey ToPlateKey()
    {
        Span<byte> buffer = stackalloc byte[PlateKey.MaxLength];
        var length = CopyTo(buffer);
        return PlateKey.TryCreate(buffer[..length], out var key) ? key : default;
    }

    public override string ToString()
    {
        Span<byte> buffer = stackalloc byte[PlateKey.MaxLength];
        var length = CopyTo(buffer);
        return System.Text.Encoding.ASCII.GetString(buffer[..length]);
    }
}
