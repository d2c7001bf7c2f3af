using AnprExchange.Kafka;

namespace AnprExchange.IntegrationTests.Clusters;

/// <summary>A Kafka cluster for one test: the embedded mock cluster here, a real broker in Docker where there is one.</summary>
public abstract class TestKafkaCluster : IAsyncDisposable
{
    public abstract string Name { get; }

    public abstract string BootstrapServers { get; }

    public KafkaOptions Options => new() { BootstrapServers = BootstrapServers };

    public abstract Task CreateTopicsAsync(EmbeddedClusterLayout layout);

    public abstract ValueTask DisposeAsync();

    /// <summary>The kinds every cluster test runs on; xunit MemberData.</summary>
    public static TheoryData<string> Kinds => new() { EmbeddedTestCluster.KindName, ContainerTestCluster.KindName };

    /// <summary>Starts a cluster of the given kind, or skips the test with the reason it cannot run here.</summary>
    public static async Task<TestKafkaCluster> StartAsync(string kind) => kind switch
    {
        EmbeddedTestCluster.KindName => new EmbeddedTestCluster(EmbeddedKafkaCluster.Start(brokers: 3)),
        ContainerTestCluster.KindName => await ContainerTestCluster.StartAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
