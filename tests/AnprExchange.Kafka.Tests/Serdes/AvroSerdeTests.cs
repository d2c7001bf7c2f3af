using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using Confluent.Kafka;

namespace AnprExchange.Kafka.Tests.Serdes;

public sealed class AvroSerdeTests
{
    [Fact]
    public void ReadRoundTripsThroughTheEmbeddedClusterWithTheAvroSerde()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("t.serde", 1);
        var serde = AvroSerde.For(AnprCodecs.PlateRead);
        var read = new PlateRead
        {
            ReadId = "cam-17:42",
            CameraId = "cam-17",
            Timestamp = new DateTimeOffset(2026, 12, 4, 10, 15, 30, 123, TimeSpan.Zero),
            Plate = "1-ABC-123",
            Country = "BE",
            Confidence = 0.93,
        };

        using (var producer = new ProducerBuilder<Null, PlateRead>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).SetValueSerializer(serde).Build())
        {
            producer.Produce("t.serde", new Message<Null, PlateRead> { Value = read });
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
        }
        var config = new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "g", AutoOffsetReset = AutoOffsetReset.Earliest };
        using var consumer = new ConsumerBuilder<Ignore, PlateRead>(config).SetValueDeserializer(serde).Build();
        consumer.Subscribe("t.serde");
        var result = consumer.Consume(TimeSpan.FromSeconds(30));
        consumer.Close();

        Assert.NotNull(result);
        Assert.Equal(read, result.Message.Value);
    }

    [Fact]
    public void NullValueIsRefusedWithTheTopicInTheMessage()
    {
        var serde = AvroSerde.For(AnprCodecs.Alert);
        var error = Assert.Throws<InvalidDataException>(() => serde.Deserialize([], isNull: true, new SerializationContext(MessageComponentType.Value, "anpr.alerts.be")));
        Assert.Contains("anpr.alerts.be", error.Message);
    }
}
