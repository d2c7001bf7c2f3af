namespace AnprExchange.Core.Index;

/// <summary>A snapshot file that cannot be loaded: wrong format or version, truncated, or failing its checksum. Nothing was loaded.</summary>
public sealed class HotlistSnapshotException : Exception
{
    public HotlistSnapshotException(string message)
        : base(message)
    {
    }

    public HotlistSnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public HotlistSnapshotException()
    {
    }
}
