namespace AnprExchange.Matcher.Replication;

/// <summary>How replication started: from a snapshot and its offsets, or by replaying every hotlist topic.</summary>
public enum ReplicationStart
{
    NotStarted,
    FullReplay,
    FromSnapshot,
    /// <summary>A snapshot existed but could not be used; everything was replayed.</summary>
    FullReplayAfterBadSnapshot,
}
