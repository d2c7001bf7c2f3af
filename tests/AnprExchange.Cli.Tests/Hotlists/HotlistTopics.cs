using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Cli.Tests.Hotlists;

/// <summary>Reads what is on a topic of an embedded cluster, for asserting what a verb published.</summary>
internal static class HotlistTopics
{
    public static long RecordCount(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(Config(bootstrapServers)).Build();
        return Enumerable.Range(0, partitions)
            .Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value);
    }

    public static List<Message<string, byte[]>> ReadAll(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(Config(bootstrapServers)).Build();
        var expected = RecordCount(bootstrapServers, topic, partitions);
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var messages = new List<Message<string, byte[]>>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (messages.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { Message: { } message })
            {
                messages.Add(message);
            }
        }
        consumer.Close();
        return messages;
    }

    private static ConsumerConfig Config(string bootstrapServers) =>
        new KafkaOptions { BootstrapServers = bootstrapServers }.CreateConsumerConfig($"test-{Guid.NewGuid():N}", "test-reader");
}
