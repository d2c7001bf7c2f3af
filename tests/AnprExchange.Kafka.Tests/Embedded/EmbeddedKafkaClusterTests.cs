using Confluent.Kafka;

namespace AnprExchange.Kafka.Tests.Embedded;

public sealed class EmbeddedKafkaClusterTests
{
    [Fact]
    public void ClusterServesProduceAndConsumeOverRealKafkaProtocol()
    {
        var handlesBefore = Library.HandleCount;
        using (var cluster = EmbeddedKafkaCluster.Start(brokers: 3))
        {
            cluster.CreateTopic("t.roundtrip", partitions: 2);
            Assert.Equal(3, cluster.BootstrapServers.Split(',').Length);
            Assert.All(cluster.BootstrapServers.Split(','), s => Assert.StartsWith("127.0.0.1:", s));

            Produce(cluster, "t.roundtrip", ["a", "b", "c"]);
            Assert.Equal(["a", "b", "c"], Consume(cluster, "t.roundtrip", 3).Order().ToArray());
        }
        Assert.Equal(handlesBefore, Library.HandleCount);
    }

    [Fact]
    public void CreatedTopicHasTheRequestedPartitionCount()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("t.partitions", partitions: 7);
        cluster.CreateTopic("t.partitions", partitions: 7); // idempotent

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var metadata = admin.GetMetadata("t.partitions", TimeSpan.FromSeconds(10));
        Assert.Equal(7, metadata.Topics.Single().Partitions.Count);
    }

    [Fact]
    public void MessagesProducedWhileAllBrokersAreDownArriveAfterTheyComeBack()
    {
        using var cluster = EmbeddedKafkaCluster.Start(brokers: 2);
        cluster.CreateTopic("t.down", partitions: 1);
        Produce(cluster, "t.down", ["before"]);

        cluster.SetAllBrokersDown();
        var config = new ProducerConfig { BootstrapServers = cluster.BootstrapServers, MessageTimeoutMs = 60_000 };
        using var producer = new ProducerBuilder<Null, string>(config).Build();
        var delivered = 0;
        producer.Produce("t.down", new Message<Null, string> { Value = "during" }, r => { if (!r.Error.IsError) { Interlocked.Increment(ref delivered); } });
        producer.Poll(TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, Volatile.Read(ref delivered));

        cluster.SetAllBrokersUp();
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, delivered);
        Assert.Equal(["before", "during"], Consume(cluster, "t.down", 2).ToArray());
    }

    [Fact]
    public void InjectedRequestErrorsAreRetriedByTheClient()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("t.errors", partitions: 1);
        cluster.PushRequestErrors(KafkaApiKeys.Produce, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut);

        Produce(cluster, "t.errors", ["x"]);
        Assert.Equal(["x"], Consume(cluster, "t.errors", 1).ToArray());
    }

    [Fact]
    public void UsingADisposedClusterThrowsObjectDisposed()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        cluster.Dispose();
        cluster.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("t", 1));
    }

    internal static void Produce(EmbeddedKafkaCluster cluster, string topic, string[] values)
    {
        using var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        foreach (var value in values)
        {
            producer.Produce(topic, new Message<Null, string> { Value = value });
        }
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }

    internal static List<string> Consume(EmbeddedKafkaCluster cluster, string topic, int count)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = "g-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
        };
        using var consumer = new ConsumerBuilder<Ignore, string>(config).Build();
        consumer.Subscribe(topic);
        var values = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (values.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                values.Add(result.Message.Value);
            }
        }
        consumer.Close();
        return values;
    }
}
