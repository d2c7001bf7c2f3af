using AnprExchange.Contracts.Audit;
using AnprExchange.ControlRoom.Audit;
using AnprExchange.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace AnprExchange.ControlRoom.Kafka;

/// <summary>
/// Writes audit records to anpr.audit.&lt;cc&gt; (JSON, keyed by control room) without waiting: a delivery handler logs
/// failures; a full local queue is back-pressure (poll, then retry) rather than a lost record.
/// </summary>
public sealed partial class KafkaAuditSink(ControlRoomProducer producer, IOptions<ControlRoomOptions> options, ILogger<KafkaAuditSink> logger) : IAuditSink
{
    private readonly string _topic = AnprTopics.Audit(options.Value.Country);

    public void Write(AuditRecord record)
    {
        var message = new Message<string, byte[]> { Key = record.ControlRoom ?? "", Value = AuditRecordJson.Serialize(record) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                producer.Producer.Produce(_topic, message, OnDelivered);
                return;
            }
            catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull && attempt < 50)
            {
                producer.Producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            LogAuditNotDelivered(report.Error.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An audit record could not be delivered: {Reason}")]
    private partial void LogAuditNotDelivered(string reason);
}
