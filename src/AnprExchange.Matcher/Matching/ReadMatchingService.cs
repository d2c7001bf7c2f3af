using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Plates;
using AnprExchange.Kafka;
using AnprExchange.Matcher.Lookup;
using AnprExchange.Matcher.Replication;
using AnprExchange.Matcher.Telemetry;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnprExchange.Matcher.Matching;

/// <summary>
/// Consumes the country's reads (shared through a consumer group), matches each against the hotlists and publishes
/// alerts. At least once: a batch's offsets are stored only after every alert of the batch is acknowledged by Kafka;
/// if one fails, the batch is consumed again (alert ids are stable, so control rooms de-duplicate).
/// </summary>
public sealed partial class ReadMatchingService(
    IOptions<KafkaOptions> kafka,
    IOptions<MatcherOptions> options,
    IHotlistLookup lookup,
    HotlistReplicationStatus replication,
    MatcherMetrics metrics,
    TimeProvider time,
    ILogger<ReadMatchingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await replication.WhenCaughtUp(stoppingToken);
        await Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var readsTopic = AnprTopics.Reads(settings.Country);
        var alertsTopic = AnprTopics.Alerts(settings.Country);
        var rejectedTopic = AnprTopics.Rejected(settings.Country);
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(kafka.Value.CreateConsumerConfig(settings.GroupId, "anpr-matcher"))
            .SetErrorHandler((_, e) => LogKafkaError(logger, e.Reason))
            .Build();
        using var producer = new ProducerBuilder<string, byte[]>(kafka.Value.CreateProducerConfig("anpr-matcher"))
            .SetErrorHandler((_, e) => LogKafkaError(logger, e.Reason))
            .Build();
        consumer.Subscribe(readsTopic);
        LogStarted(logger, readsTopic, alertsTopic);

        var batch = new List<ConsumeResult<Ignore, byte[]>>(settings.BatchSize);
        var matches = new List<AlertMatch>();
        Span<byte> plate = stackalloc byte[PlateNormalizer.MaxLength];
        var failed = 0;
        Action<DeliveryReport<string, byte[]>> onDelivered = report =>
        {
            if (report.Error.IsError)
            {
                Interlocked.Increment(ref failed);
                LogDeliveryFailed(logger, report.Error.Reason);
            }
        };
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                batch.Clear();
                var first = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (first is null)
                {
                    continue;
                }
                batch.Add(first);
                while (batch.Count < settings.BatchSize && consumer.Consume(TimeSpan.Zero) is { } next)
                {
                    batch.Add(next);
                }

                failed = 0;
                foreach (var result in batch)
                {
                    MatchOne(result.Message.Value, plate, matches, producer, alertsTopic, rejectedTopic, settings.DefaultControlRoom, onDelivered);
                }
                producer.Flush(stoppingToken);
                if (Volatile.Read(ref failed) > 0)
                {
                    // Re-consume the whole batch: a partial store would skip the alerts that failed.
                    foreach (var first1 in batch.GroupBy(r => r.TopicPartition).Select(g => g.First()))
                    {
                        consumer.Seek(first1.TopicPartitionOffset);
                    }
                    continue;
                }
                foreach (var last in batch.GroupBy(r => r.TopicPartition).Select(g => g.Last()))
                {
                    consumer.StoreOffset(last);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            producer.Flush(TimeSpan.FromSeconds(5));
            consumer.Close();
        }
    }

    private void MatchOne(
        byte[] value, Span<byte> plate, List<AlertMatch> matches, IProducer<string, byte[]> producer,
        string alertsTopic, string rejectedTopic, string controlRoom, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        PlateRead read;
        try
        {
            read = AnprCodecs.PlateRead.Decode(value);
        }
        catch (AvroContractException e)
        {
            Reject(producer, rejectedTopic, value, e.Message, null, onDelivered);
            return;
        }
        var status = PlateNormalizer.Normalize(read.Plate, plate, out var length);
        if (status != PlateStatus.Valid)
        {
            Reject(producer, rejectedTopic, value, status.Describe(), read.CameraId, onDelivered);
            return;
        }

        matches.Clear();
        lookup.Match(plate[..length], read.Timestamp, matches);
        metrics.ReadMatched(matches.Count > 0);
        if (matches.Count == 0)
        {
            return;
        }
        var alert = AlertFactory.Create(read, plate[..length], matches, time.GetUtcNow(), controlRoom);
        LogHit(logger, read.ReadId, alert.Matches.Count);
        Produce(producer, alertsTopic, new Message<string, byte[]> { Key = alert.ControlRoom, Value = AnprCodecs.Alert.Encode(alert) }, onDelivered);
    }

    private void Reject(IProducer<string, byte[]> producer, string topic, byte[] raw, string reason, string? cameraId, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        metrics.ReadInvalid();
        const int MaxRaw = 4096;
        var rejected = new RejectedInput
        {
            Source = "matcher",
            Reason = reason,
            Raw = raw.Length > MaxRaw ? raw[..MaxRaw] : raw,
            RawTruncated = raw.Length > MaxRaw,
            ReceivedAt = time.GetUtcNow(),
            CameraId = cameraId,
        };
        Produce(producer, topic, new Message<string, byte[]> { Key = cameraId ?? "", Value = AnprCodecs.RejectedInput.Encode(rejected) }, onDelivered);
    }

    /// <summary>Never awaits per message; a full local queue is back-pressure: serve delivery reports, then retry.</summary>
    private static void Produce(IProducer<string, byte[]> producer, string topic, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, onDelivered);
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Matching reads from {ReadsTopic}, alerts to {AlertsTopic}")]
    private static partial void LogStarted(ILogger logger, string readsTopic, string alertsTopic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read {ReadId} hit {Matches} entries")]
    private static partial void LogHit(ILogger logger, string readId, int matches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert delivery failed, the batch will be retried: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka: {Reason}")]
    private static partial void LogKafkaError(ILogger logger, string reason);
}
