using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace AnprExchange.Core.Index;

/// <summary>Hash functions of the index: a 64-bit finaliser for packed keys and a byte hash for entry ids.</summary>
internal static class IndexHash
{
    /// <summary>MurmurHash3's fmix64: a bijection, so distinct skeletons never collide in the full 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>Slot in a table of <paramref name="capacity"/> slots from the low 32 bits (Lemire's fastrange, no modulo).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Slot(ulong hash, uint capacity) => (uint)(((ulong)(uint)hash * capacity) >> 32);

    public static ulong Bytes(ReadOnlySpan<byte> data, ulong seed)
    {
        var h = seed ^ ((ulong)data.Length * 0x9E3779B97F4A7C15UL);
        while (data.Length >= 8)
        {
            h = Mix(h ^ BinaryPrimitives.ReadUInt64LittleEndian(data)) + 0x9E3779B97F4A7C15UL;
            data = data[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < data.Length; i++)
        {
            tail |= (ulong)data[i] << (8 * i);
        }
        return Mix(h ^ tail ^ 0x2545F4914F6CDD1DUL);
    }
}
