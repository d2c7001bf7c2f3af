using AnprExchange.Kafka;

namespace AnprExchange.IntegrationTests.Clusters;

/// <summary>librdkafka's mock cluster, in process: always available.</summary>
public sealed class EmbeddedTestCluster(EmbeddedKafkaCluster cluster) : TestKafkaCluster
{
    public const string KindName = "embedded";

    public override string Name => KindName;

    public override string BootstrapServers => cluster.BootstrapServers;

    public EmbeddedKafkaCluster Cluster => cluster;

    public override Task CreateTopicsAsync(EmbeddedClusterLayout layout)
    {
        layout.CreateTopics(cluster);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        cluster.Dispose();
        return ValueTask.CompletedTask;
    }
}
