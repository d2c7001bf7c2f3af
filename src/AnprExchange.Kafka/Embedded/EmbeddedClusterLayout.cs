namespace AnprExchange.Kafka;

/// <summary>
/// The topics a pipeline needs, created up front on the embedded cluster (it cannot CreateTopics, and auto-created
/// topics get 4 partitions). Hotlist topics get more partitions because the mock keeps only ~5 MB per partition.
/// </summary>
public sealed record EmbeddedClusterLayout(IReadOnlyList<string> Countries, int ReadPartitions = 4, int HotlistPartitions = 16)
{
    public static EmbeddedClusterLayout Benelux { get; } = new(["BE", "NL", "LU"]);

    public void CreateTopics(EmbeddedKafkaCluster cluster)
    {
        foreach (var country in Countries)
        {
            cluster.CreateTopic(AnprTopics.Reads(country), ReadPartitions);
            cluster.CreateTopic(AnprTopics.Hotlist(country), HotlistPartitions);
            cluster.CreateTopic(AnprTopics.Alerts(country), ReadPartitions);
            cluster.CreateTopic(AnprTopics.AlertAcks(country), 1);
            cluster.CreateTopic(AnprTopics.Rejected(country), 1);
            cluster.CreateTopic(AnprTopics.Audit(country), 1);
        }
    }
}
