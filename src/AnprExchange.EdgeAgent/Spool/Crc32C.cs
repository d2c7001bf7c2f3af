using System.Numerics;
using System.Runtime.InteropServices;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>CRC-32C (Castagnoli) over the CPU's crc32 instruction (SSE4.2 / ARMv8) via <see cref="BitOperations"/>.</summary>
public static class Crc32C
{
    public const uint Seed = 0xFFFFFFFFu;

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(data);
        foreach (var word in words)
        {
            crc = BitOperations.Crc32C(crc, word);
        }
        foreach (var b in data[(words.Length * sizeof(ulong))..])
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return crc;
    }

    public static uint Finish(uint crc) => ~crc;

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Seed, data));
}
