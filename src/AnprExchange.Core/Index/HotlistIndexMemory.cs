namespace AnprExchange.Core.Index;

/// <summary>Bytes the index holds, by part; <see cref="HotBytesPerEntry"/> is the table plus fixed-size attributes.</summary>
public sealed record HotlistIndexMemory
{
    public required int Entries { get; init; }

    /// <summary>Skeleton slots (8 B) and group starts (4 B) of every shard.</summary>
    public required long TableBytes { get; init; }

    /// <summary>16-byte <c>HotEntry</c> attributes.</summary>
    public required long AttributeBytes { get; init; }

    /// <summary>4-byte record ids beside the attributes (the link to entry ids and texts).</summary>
    public required long RecordIdBytes { get; init; }

    /// <summary>Cold rows: exact validity and text references (allocated chunks).</summary>
    public required long RecordBytes { get; init; }

    /// <summary>UTF-8 entry ids, plates as given, references and remarks (allocated chunks).</summary>
    public required long TextBytes { get; init; }

    /// <summary>Writer-only (list, entry id) map.</summary>
    public required long EntryIdMapBytes { get; init; }

    public required long WildcardBytes { get; init; }

    /// <summary>Native memory the index holds outside the GC heap: shard blocks, rows, texts and the entry-id map.</summary>
    public required long OffHeapBytes { get; init; }

    public double HotBytesPerEntry => Entries == 0 ? 0 : (TableBytes + AttributeBytes) / (double)Entries;
    public double HotBytesWithRecordIdsPerEntry => Entries == 0 ? 0 : (TableBytes + AttributeBytes + RecordIdBytes) / (double)Entries;
    public double ColdBytesPerEntry => Entries == 0 ? 0 : (RecordBytes + TextBytes + EntryIdMapBytes) / (double)Entries;
}
