using System.Runtime.InteropServices;

namespace AnprExchange.Core.Index;

/// <summary>One plate entry as a shard build takes it: skeleton, attributes and record id, 28 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct ShardItem(ulong Skeleton, HotEntry Hot, int RecordId);
