namespace AnprExchange.EdgeAgent.Spool;

/// <summary>When appended reads are forced to disk (fsync) before they are acknowledged to the camera.</summary>
public enum SpoolFlushPolicy
{
    /// <summary>One fsync per batch of lines taken from the socket (or per HTTP request): the default.</summary>
    PerBatch,
    /// <summary>One fsync per read: slowest, for tiny deployments that want the strictest guarantee.</summary>
    PerRecord,
    /// <summary>Written to the OS page cache only: survives a process crash, not a power loss.</summary>
    None,
}
