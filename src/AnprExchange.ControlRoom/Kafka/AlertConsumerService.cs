using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Alerts;
using AnprExchange.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace AnprExchange.ControlRoom.Kafka;

/// <summary>
/// Consumes the country's alert and acknowledgement topics on its own thread (confluent-kafka-dotnet pattern: a
/// blocking loop, offsets stored only after processing, <c>Close()</c> on shutdown, stop on fatal errors) and feeds
/// the <see cref="AlertIntake"/>.
/// On every assignment it rewinds to the beginning and replays up to the committed offsets to rebuild the in-memory
/// open list after a restart: alerts raised within <see cref="ControlRoomOptions.ReplayLookback"/> come back, the
/// acknowledged ones stay closed, and nothing processed before is audited again.
/// </summary>
public sealed partial class AlertConsumerService(
    IOptions<KafkaOptions> kafka,
    IOptions<ControlRoomOptions> options,
    AlertIntake intake,
    ControlRoomStatus status,
    ControlRoomProducer producer,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<AlertConsumerService> logger) : BackgroundService
{
    private const int MaxRejectedBytes = 4096;
    private static readonly TimeSpan CommittedTimeout = TimeSpan.FromSeconds(10);
    private readonly Dictionary<TopicPartition, long> _replayUntil = [];
    private readonly string _alertsTopic = AnprTopics.Alerts(options.Value.Country);
    private readonly string _acksTopic = AnprTopics.AlertAcks(options.Value.Country);
    private readonly string _rejectedTopic = AnprTopics.Rejected(options.Value.Country);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var room = options.Value;
        var config = kafka.Value.CreateConsumerConfig(room.EffectiveConsumerGroup, $"anpr-controlroom-{room.Room}");
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config)
            .SetErrorHandler((_, error) => LogKafkaError(error.Code, error.Reason))
            .SetPartitionsAssignedHandler(OnAssigned)
            .SetPartitionsRevokedHandler((_, revoked) =>
            {
                foreach (var partition in revoked)
                {
                    _replayUntil.Remove(partition.TopicPartition);
                }
            })
            .Build();
        consumer.Subscribe([_alertsTopic, _acksTopic]);
        LogStarted(room.Room, _alertsTopic, _acksTopic, room.EffectiveConsumerGroup);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ConsumeResult<Ignore, byte[]>? result;
                try
                {
                    result = consumer.Consume(stoppingToken);
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    LogConsumeError(ex.Error.Code, ex.Error.Reason);
                    continue;
                }
                if (result?.Message?.Value is null)
                {
                    continue;
                }
                var replay = _replayUntil.TryGetValue(result.TopicPartition, out var until) && result.Offset.Value < until;
                Handle(result, replay);
                if (!replay)
                {
                    consumer.StoreOffset(result);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (ConsumeException ex)
        {
            LogFatal(ex.Error.Code, ex.Error.Reason);
            lifetime.StopApplication();
        }
        finally
        {
            status.SetAssigned(false);
            consumer.Close();
        }
    }

    private IEnumerable<TopicPartitionOffset> OnAssigned(IConsumer<Ignore, byte[]> consumer, List<TopicPartition> partitions)
    {
        if (options.Value.ReplayLookback <= TimeSpan.Zero)
        {
            status.SetAssigned(true);
            return partitions.Select(p => new TopicPartitionOffset(p, Offset.Unset));
        }
        try
        {
            foreach (var committed in consumer.Committed(partitions, CommittedTimeout))
            {
                _replayUntil[committed.TopicPartition] = committed.Offset.IsSpecial ? -1 : committed.Offset.Value;
            }
        }
        catch (KafkaException ex)
        {
            LogNoReplay(ex.Error.Reason);
            status.SetAssigned(true);
            return partitions.Select(p => new TopicPartitionOffset(p, Offset.Unset));
        }
        status.SetAssigned(true);
        return partitions.Select(p => new TopicPartitionOffset(p, Offset.Beginning));
    }

    private void Handle(ConsumeResult<Ignore, byte[]> result, bool replay)
    {
        if (result.Topic == _acksTopic)
        {
            if (TryDecode(AnprCodecs.AlertAcknowledgement, result, out var ack))
            {
                intake.Observe(ack);
                status.CountAcknowledgement();
            }
            return;
        }
        if (!TryDecode(AnprCodecs.Alert, result, out var alert))
        {
            return;
        }
        var lookback = options.Value.ReplayLookback;
        if (lookback > TimeSpan.Zero && time.GetUtcNow() - alert.RaisedAt > lookback)
        {
            return; // older than anything an operator should still act on
        }
        var outcome = intake.Accept(alert, replay);
        status.Count(outcome);
        if (outcome is IntakeResult.Raised or IntakeResult.Sighting && logger.IsEnabled(LogLevel.Debug))
        {
            LogAlert(outcome, alert.AlertId, PlateMask.Mask(alert.Plate), alert.CameraId, replay);
        }
    }

    private bool TryDecode<T>(AvroCodec<T> codec, ConsumeResult<Ignore, byte[]> result, out T decoded)
        where T : class
    {
        try
        {
            decoded = codec.Decode(result.Message.Value);
            return true;
        }
        catch (AvroContractException ex)
        {
            Reject(result, $"{codec.RecordName} does not decode: {ex.Message}");
            decoded = default!;
            return false;
        }
    }

    private void Reject(ConsumeResult<Ignore, byte[]> result, string reason)
    {
        status.CountRejected();
        LogRejected(result.TopicPartitionOffset.ToString(), reason);
        var raw = result.Message.Value;
        var rejected = new RejectedInput
        {
            Source = "controlroom",
            Reason = $"{result.TopicPartitionOffset}: {reason}",
            Raw = raw.Length <= MaxRejectedBytes ? raw : raw[..MaxRejectedBytes],
            RawTruncated = raw.Length > MaxRejectedBytes,
            ReceivedAt = time.GetUtcNow(),
        };
        producer.Producer.Produce(_rejectedTopic, new Message<string, byte[]> { Key = options.Value.Room, Value = AnprCodecs.RejectedInput.Encode(rejected) });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Control room {Room} consuming {AlertsTopic} and {AcksTopic} as group {Group}")]
    private partial void LogStarted(string room, string alertsTopic, string acksTopic, string group);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Outcome} alert {AlertId} plate {MaskedPlate} camera {CameraId} (replay: {Replay})")]
    private partial void LogAlert(IntakeResult outcome, string alertId, string maskedPlate, string cameraId, bool replay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka error {Code}: {Reason}")]
    private partial void LogKafkaError(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consume error {Code}: {Reason}")]
    private partial void LogConsumeError(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Fatal consumer error {Code}: {Reason}; stopping")]
    private partial void LogFatal(ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committed offsets unavailable ({Reason}); open alerts are not rebuilt from history")]
    private partial void LogNoReplay(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected message at {Position}: {Reason}")]
    private partial void LogRejected(string position, string reason);
}
