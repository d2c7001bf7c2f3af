using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Acknowledgements;
using AnprExchange.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace AnprExchange.ControlRoom.Kafka;

/// <summary>
/// Publishes acknowledgements to anpr.alerts.acks.&lt;cc&gt; as Avro (AnprCodecs.AlertAcknowledgement), keyed by control
/// room like the alerts. One message per operator action, so awaiting the delivery report here is what we want:
/// the console answers only once the acknowledgement is durably on the topic.
/// </summary>
public sealed class KafkaAcknowledgementPublisher(ControlRoomProducer producer, IOptions<ControlRoomOptions> options) : IAcknowledgementPublisher
{
    private readonly string _topic = AnprTopics.AlertAcks(options.Value.Country);

    public async Task PublishAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        var message = new Message<string, byte[]>
        {
            Key = acknowledgement.ControlRoom,
            Value = AnprCodecs.AlertAcknowledgement.Encode(acknowledgement),
        };
        await producer.Producer.ProduceAsync(_topic, message, cancellationToken);
    }
}
