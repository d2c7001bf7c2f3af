using System.Runtime.InteropServices;

namespace AnprExchange.Core.Index;

/// <summary>One plate entry as a shard build takes it: the skeleton's hash (<see cref="IndexHash.Mix"/>, a bijection), attributes and record id, 28 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct ShardItem(ulong Hash, HotEntry Hot, int RecordId);
