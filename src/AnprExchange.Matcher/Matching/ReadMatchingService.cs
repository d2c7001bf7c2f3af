using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Index;
using AnprExchange.Core.Plates;
using AnprExchange.Kafka;
using AnprExchange.Matcher.Indexing;
using AnprExchange.Matcher.Replication;
using AnprExchange.Matcher.Routing;
using AnprExchange.Matcher.Telemetry;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnprExchange.Matcher.Matching;

/// <summary>
/// Consumes the country's reads (shared through a consumer group), looks each batch up in the index with the
/// prefetching batched lookup, and publishes an alert per read that hits. At least once: a batch's offsets are
/// stored only after every alert of the batch is acknowledged by Kafka; if one fails, the batch is consumed again
/// (alert ids are derived from read ids, so control rooms de-duplicate).
/// </summary>
public sealed partial class ReadMatchingService(
    IOptions<KafkaOptions> kafka,
    IOptions<MatcherOptions> options,
    MatcherIndex index,
    AlertRouter router,
    HotlistReplicationStatus replication,
    MatcherMetrics metrics,
    TimeProvider time,
    ILogger<ReadMatchingService> logger) : BackgroundService
{
    private const int MaxRejectedBytes = 4096;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Matching before the hotlists are in would miss hits: wait for replication to catch up.
        await replication.WhenCaughtUp(stoppingToken);
        await Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var topics = new PipelineTopics(AnprTopics.Reads(settings.Country), AnprTopics.Alerts(settings.Country), AnprTopics.Rejected(settings.Country));
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(kafka.Value.CreateConsumerConfig(settings.GroupId, "anpr-matcher"))
            .SetErrorHandler((_, e) => LogKafkaError(logger, e.Reason))
            .Build();
        using var producer = new ProducerBuilder<string, byte[]>(kafka.Value.CreateProducerConfig("anpr-matcher"))
            .SetErrorHandler((_, e) => LogKafkaError(logger, e.Reason))
            .Build();
        consumer.Subscribe(topics.Reads);
        LogStarted(logger, topics.Reads, topics.Alerts);

        var batch = new ReadBatch(settings.BatchSize);
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
                batch.Results.Add(first);
                while (batch.Results.Count < settings.BatchSize && consumer.Consume(TimeSpan.Zero) is { } next)
                {
                    batch.Results.Add(next);
                }

                Volatile.Write(ref failed, 0);
                MatchBatch(batch, producer, topics, settings.DefaultControlRoom, onDelivered);
                producer.Flush(stoppingToken);
                if (Volatile.Read(ref failed) > 0)
                {
                    // Consume the whole batch again: storing past a failed alert would lose it.
                    foreach (var firstOfPartition in batch.Results.GroupBy(r => r.TopicPartition).Select(g => g.First()))
                    {
                        consumer.Seek(firstOfPartition.TopicPartitionOffset);
                    }
                    continue;
                }
                foreach (var last in batch.Results.GroupBy(r => r.TopicPartition).Select(g => g.Last()))
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

    private void MatchBatch(ReadBatch batch, IProducer<string, byte[]> producer, PipelineTopics topics, string controlRoom, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        foreach (var result in batch.Results)
        {
            var value = result.Message.Value;
            PlateRead read;
            try
            {
                read = AnprCodecs.PlateRead.Decode(value);
            }
            catch (AvroContractException e)
            {
                Reject(producer, topics.Rejected, value, e.Message, null, onDelivered);
                continue;
            }
            var status = PlateQuery.TryCreate(read.Plate, read.Timestamp, out var query);
            if (status != PlateStatus.Valid)
            {
                Reject(producer, topics.Rejected, value, status.Describe(), read.CameraId, onDelivered);
                continue;
            }
            batch.Add(read, query);
        }

        // One view for the whole batch: lookups and the resolution of their matches see the same generation.
        var view = index.Current.Acquire();
        var done = 0;
        while (done < batch.Count)
        {
            var processed = view.LookupBatch(batch.Queries.AsSpan(done, batch.Count - done), batch.Matches, batch.Counts.AsSpan(done));
            if (processed == 0)
            {
                // One read matched more entries than the whole buffer holds: look it up alone with room for all.
                Raise(producer, topics.Alerts, batch.Reads[done], batch.Queries[done], view, LookupAlone(view, batch.Queries[done], batch.Matches.Length * 2), controlRoom, onDelivered);
                done++;
                continue;
            }
            var offset = 0;
            for (var i = done; i < done + processed; i++)
            {
                var count = batch.Counts[i];
                Raise(producer, topics.Alerts, batch.Reads[i], batch.Queries[i], view, batch.Matches.AsSpan(offset, count), controlRoom, onDelivered);
                offset += count;
            }
            done += processed;
        }
    }

    private void Raise(IProducer<string, byte[]> producer, string topic, PlateRead read, in PlateQuery query, HotlistIndexView view, ReadOnlySpan<HotlistMatch> matches, string controlRoom, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        metrics.ReadMatched(matches.Length > 0);
        if (matches.Length == 0)
        {
            return;
        }
        var alert = AlertBuilder.Build(read, query.PlateText, view, matches, time.GetUtcNow(), controlRoom);
        LogHit(logger, read.ReadId, matches.Length);
        // Without routing configuration every alert goes to the default room; with it, one copy per room, covert
        // matches only to rooms cleared for them (a room left with no match gets nothing).
        var copies = router.IsConfigured ? router.Route(alert) : [alert];
        foreach (var copy in copies)
        {
            if (copy.Matches.Count > 0)
            {
                Produce(producer, topic, new Message<string, byte[]> { Key = copy.ControlRoom, Value = AnprCodecs.Alert.Encode(copy) }, onDelivered);
            }
        }
    }

    private static HotlistMatch[] LookupAlone(HotlistIndexView view, in PlateQuery query, int size)
    {
        while (true)
        {
            var matches = new HotlistMatch[size];
            var found = view.Lookup(query, matches);
            if (found <= size)
            {
                return matches[..found];
            }
            size = found;
        }
    }

    private void Reject(IProducer<string, byte[]> producer, string topic, byte[] raw, string reason, string? cameraId, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        metrics.ReadInvalid();
        var rejected = new RejectedInput
        {
            Source = "matcher",
            Reason = reason,
            Raw = raw.Length > MaxRejectedBytes ? raw[..MaxRejectedBytes] : raw,
            RawTruncated = raw.Length > MaxRejectedBytes,
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

    private sealed record PipelineTopics(string Reads, string Alerts, string Rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Matching reads from {ReadsTopic}, alerts to {AlertsTopic}")]
    private static partial void LogStarted(ILogger logger, string readsTopic, string alertsTopic);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read {ReadId} hit {Matches} entries")]
    private static partial void LogHit(ILogger logger, string readId, int matches);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert delivery failed, the batch will be retried: {Reason}")]
    private static partial void LogDeliveryFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka: {Reason}")]
    private static partial void LogKafkaError(ILogger logger, string reason);
}
