using AnprExchange.Kafka;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Testcontainers.Kafka;

namespace AnprExchange.IntegrationTests.Clusters;

/// <summary>A real Apache Kafka broker through Testcontainers.Kafka; the test is skipped, with the reason, where Docker is absent.</summary>
public sealed class ContainerTestCluster : TestKafkaCluster
{
    public const string KindName = "testcontainers";

    private readonly KafkaContainer _container;

    private ContainerTestCluster(KafkaContainer container) => _container = container;

    public override string Name => KindName;

    public override string BootstrapServers => _container.GetBootstrapAddress();

    public static async Task<TestKafkaCluster> StartAsync()
    {
        if (!DockerIsAvailable(out var reason))
        {
            Assert.Skip($"Real-broker run skipped: {reason}. The same test runs on the embedded cluster.");
        }
        var container = new KafkaBuilder("apache/kafka:3.9.1").Build();
        await container.StartAsync();
        return new ContainerTestCluster(container);
    }

    public override async Task CreateTopicsAsync(EmbeddedClusterLayout layout)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        var specs = new List<TopicSpecification>();
        foreach (var country in layout.Countries)
        {
            specs.Add(new TopicSpecification { Name = AnprTopics.Reads(country), NumPartitions = layout.ReadPartitions, ReplicationFactor = 1 });
            specs.Add(new TopicSpecification { Name = AnprTopics.Hotlist(country), NumPartitions = layout.HotlistPartitions, ReplicationFactor = 1 });
            specs.Add(new TopicSpecification { Name = AnprTopics.Alerts(country), NumPartitions = layout.ReadPartitions, ReplicationFactor = 1 });
            specs.Add(new TopicSpecification { Name = AnprTopics.AlertAcks(country), NumPartitions = 1, ReplicationFactor = 1 });
            specs.Add(new TopicSpecification { Name = AnprTopics.Rejected(country), NumPartitions = 1, ReplicationFactor = 1 });
            specs.Add(new TopicSpecification { Name = AnprTopics.Audit(country), NumPartitions = 1, ReplicationFactor = 1 });
        }
        await admin.CreateTopicsAsync(specs);
    }

    public override ValueTask DisposeAsync() => _container.DisposeAsync();

    private static bool DockerIsAvailable(out string reason)
    {
        // Testcontainers talks to the Docker engine's socket; the docker CLI alone is not enough.
        var socket = Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock";
        if (socket.StartsWith("unix://", StringComparison.Ordinal) && !File.Exists(socket["unix://".Length..]))
        {
            reason = $"no Docker engine socket at {socket}";
            return false;
        }
        reason = "";
        return true;
    }
}
