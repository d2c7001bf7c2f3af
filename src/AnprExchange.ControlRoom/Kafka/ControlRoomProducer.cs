using AnprExchange.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace AnprExchange.ControlRoom.Kafka;

/// <summary>The one producer of a control room process (acknowledgements, audit, rejected input); flushed on dispose.</summary>
public sealed class ControlRoomProducer : IDisposable
{
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(10);

    public ControlRoomProducer(IOptions<KafkaOptions> kafka, IOptions<ControlRoomOptions> options)
    {
        var config = kafka.Value.CreateProducerConfig($"anpr-controlroom-{options.Value.Room}");
        Producer = new ProducerBuilder<string, byte[]>(config).Build();
    }

    public IProducer<string, byte[]> Producer { get; }

    public void Dispose()
    {
        Producer.Flush(FlushTimeout);
        Producer.Dispose();
    }
}
