namespace AnprExchange.Matcher.Replication;

/// <summary>Whether replication has caught up to the hotlist end offsets seen at start; matching waits for it.</summary>
public sealed class HotlistReplicationStatus
{
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCaughtUp => _caughtUp.Task.IsCompleted;

    public Task WhenCaughtUp(CancellationToken cancellationToken) => _caughtUp.Task.WaitAsync(cancellationToken);

    internal void MarkCaughtUp() => _caughtUp.TrySetResult();
}
