using Confluent.Kafka;

namespace AnprExchange.Matcher.Replication;

/// <summary>
/// Where replication may safely resume on each partition: the next offset to read, except that a batch still
/// waiting for entries or its manifest pins the offset of its first record, so a restart reads it again whole.
/// </summary>
internal sealed class PartitionResumePoints
{
    private readonly Dictionary<TopicPartition, long> _next = [];
    private readonly Dictionary<string, Dictionary<TopicPartition, long>> _pendingFirst = new(StringComparer.Ordinal);

    public void Restore(IReadOnlyDictionary<TopicPartition, long> offsets)
    {
        foreach (var (tp, offset) in offsets)
        {
            _next[tp] = offset;
        }
    }

    public void Consumed(TopicPartition partition, long offset, string batchId)
    {
        _next[partition] = offset + 1;
        if (!_pendingFirst.TryGetValue(batchId, out var firsts))
        {
            _pendingFirst[batchId] = firsts = [];
        }
        firsts.TryAdd(partition, offset);
    }

    public void Ended(string batchId) => _pendingFirst.Remove(batchId);

    public Dictionary<TopicPartition, long> Snapshot()
    {
        var resume = new Dictionary<TopicPartition, long>(_next);
        foreach (var firsts in _pendingFirst.Values)
        {
            foreach (var (tp, first) in firsts)
            {
                resume[tp] = resume.TryGetValue(tp, out var next) ? Math.Min(next, first) : first;
            }
        }
        return resume;
    }
}
