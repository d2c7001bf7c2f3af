namespace AnprExchange.EdgeAgent.Spool;

/// <summary>When appended reads are forced to disk (fsync) before they are acknowledged to the camera.</summary>
public enum SpoolFlushPolicy
{
    /// <summary>
    /// The default: a batch of lines taken from a socket (or an HTTP request) is acknowledged after an fsync that began
    /// once it was written; one fsync covers every batch appended before it began (group commit).
    /// </summary>
    PerBatch,
    /// <summary>One fsync per read: slowest, for tiny deployments that want the strictest guarantee.</summary>
    PerRecord,
    /// <summary>Written to the OS page cache only: survives a process crash, not a power loss.</summary>
    None,
}
