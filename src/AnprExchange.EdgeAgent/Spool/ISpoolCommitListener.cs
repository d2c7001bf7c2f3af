namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Told when the records it asked <see cref="ReadSpool.RequestCommit"/> to commit are committed, or that their commit
/// failed. Called on the spool's committer thread, outside its lock: keep it short (wake someone up).
/// </summary>
public interface ISpoolCommitListener
{
    void Committed();

    void CommitFailed(Exception failure);
}
