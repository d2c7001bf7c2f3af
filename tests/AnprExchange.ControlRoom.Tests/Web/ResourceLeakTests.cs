using AnprExchange.Kafka;

namespace AnprExchange.ControlRoom.Tests.Web;

[CollectionDefinition(nameof(ResourceLeakTests), DisableParallelization = true)]
public sealed class NoParallelKafkaHandles;

/// <summary>Runs alone (librdkafka's handle count is process-wide): a stopped console leaves no Kafka client behind.</summary>
[Collection(nameof(ResourceLeakTests))]
public sealed class ResourceLeakTests
{
    [Fact]
    public async Task AStoppedConsoleLeavesNoKafkaHandles()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        var before = Confluent.Kafka.Library.HandleCount;

        await using (var server = await ControlRoomServer.StartAsync(cluster, "cr-leak"))
        {
            await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, TestAlerts.Alert("a-1", room: "cr-leak", at: DateTimeOffset.UtcNow));
            await Eventually.TrueAsync(() => server.Status.Raised == 1, "the alert was raised");
        }

        Assert.Equal(before, Confluent.Kafka.Library.HandleCount);
    }
}
