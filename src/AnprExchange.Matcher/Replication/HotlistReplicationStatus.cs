using Confluent.Kafka;

namespace AnprExchange.Matcher.Replication;

/// <summary>Whether replication has caught up to the hotlist end offsets seen at start; matching waits for it.</summary>
public sealed class HotlistReplicationStatus
{
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsCaughtUp => _caughtUp.Task.IsCompleted;

    public Task WhenCaughtUp(CancellationToken cancellationToken) => _caughtUp.Task.WaitAsync(cancellationToken);

    public ReplicationStart Start { get; private set; }

    /// <summary>Where each hotlist partition was resumed from (empty on a full replay).</summary>
    public IReadOnlyDictionary<TopicPartition, long> ResumedFrom { get; private set; } = new Dictionary<TopicPartition, long>();

    /// <summary>Batches applied and rejected since start, and snapshots written.</summary>
    public long BatchesApplied => Interlocked.Read(ref _applied);

    public long BatchesRejected => Interlocked.Read(ref _rejected);

    public long SnapshotsWritten => Interlocked.Read(ref _snapshots);

    /// <summary>Hotlist records read since start, decodable or not.</summary>
    public long RecordsConsumed => Interlocked.Read(ref _records);

    private long _records;

    private long _applied;
    private long _rejected;
    private long _snapshots;

    internal void Started(ReplicationStart start, IReadOnlyDictionary<TopicPartition, long> resumedFrom)
    {
        Start = start;
        ResumedFrom = resumedFrom;
    }

    internal void RecordConsumed() => Interlocked.Increment(ref _records);

    internal void BatchApplied() => Interlocked.Increment(ref _applied);

    internal void BatchRejected() => Interlocked.Increment(ref _rejected);

    internal void SnapshotWritten() => Interlocked.Increment(ref _snapshots);

    internal void MarkCaughtUp() => _caughtUp.TrySetResult();
}
