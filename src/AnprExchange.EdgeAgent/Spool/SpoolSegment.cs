using System.Globalization;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>One segment file, named by the sequence number of its first record (<c>00000000000000000001.seg</c>).</summary>
public sealed class SpoolSegment(string directory, long firstSequence)
{
    public const string Extension = ".seg";

    public long FirstSequence { get; } = firstSequence;

    public string Path { get; } = System.IO.Path.Combine(directory, firstSequence.ToString("D20", CultureInfo.InvariantCulture) + Extension);

    /// <summary>Sequence of the last record, or FirstSequence - 1 while empty. Guarded by the spool's lock.</summary>
    public long LastSequence { get; set; } = firstSequence - 1;

    /// <summary>Bytes appended, including those still in the write buffer. Guarded by the spool's lock.</summary>
    public long Length { get; set; }

    private long _committedLength;

    /// <summary>Bytes that readers may read: written to the file (and synced, per policy).</summary>
    public long CommittedLength
    {
        get => Volatile.Read(ref _committedLength);
        set => Volatile.Write(ref _committedLength, value);
    }

    private volatile bool _sealed;

    /// <summary>No more records will be appended; a reader at its end moves to the next segment.</summary>
    public bool Sealed
    {
        get => _sealed;
        set => _sealed = value;
    }

    public static bool TryParseName(string path, out long firstSequence) =>
        long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence);
}
