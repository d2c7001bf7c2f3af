
namespace AnprExchange.Kafka.Tests.Configuration;

public sealed class KafkaOptionsTests
{
    [Fact]
    public void SecuritySettingsArePassedThroughToEveryClient()
    {
        var options = new KafkaOptions
        {
            BootstrapServers = "broker:9093",
            Settings = { ["security.protocol"] = "SASL_SSL", ["sasl.mechanism"] = "SCRAM-SHA-512" },
        };

        var producer = options.CreateProducerConfig("p");
        var consumer = options.CreateConsumerConfig("g", "c");

        Assert.Equal("broker:9093", producer.BootstrapServers);
        Assert.Equal("SASL_SSL", producer.Get("security.protocol"));
        Assert.Equal("SCRAM-SHA-512", consumer.Get("sasl.mechanism"));
        Assert.Equal("g", consumer.GroupId);
        Assert.False(consumer.EnableAutoOffsetStore); // offsets are stored only after processing
        Assert.True(producer.EnableIdempotence);
    }

    [Fact]
    public void MissingBootstrapServersIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new KafkaOptions().CreateProducerConfig("p"));
        Assert.Contains("--bootstrap-servers", error.Message);
    }
}
