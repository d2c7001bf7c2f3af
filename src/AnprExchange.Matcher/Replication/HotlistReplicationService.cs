using AnprExchange.Contracts.Avro;
using AnprExchange.Kafka;
using AnprExchange.Matcher.Lookup;
using AnprExchange.Matcher.Telemetry;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnprExchange.Matcher.Replication;

/// <summary>
/// Replicates every configured country's hotlist topic into the lookup. Every matcher needs every entry, so all
/// partitions are assigned directly (no consumer group sharing). Batches are applied only when their manifest arrives.
/// </summary>
public sealed partial class HotlistReplicationService(
    IOptions<KafkaOptions> kafka,
    IOptions<MatcherOptions> options,
    IHotlistLookup lookup,
    HotlistReplicationStatus status,
    MatcherMetrics metrics,
    ILogger<HotlistReplicationService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var topics = options.Value.HotlistCountries.Select(AnprTopics.Hotlist).ToArray();
        var config = kafka.Value.CreateConsumerConfig($"anpr-hotlist-replica-{Guid.NewGuid():N}", "anpr-matcher-replication");
        config.EnableAutoCommit = false;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config)
            .SetErrorHandler((_, e) => LogKafkaError(logger, e.Reason))
            .Build();
        try
        {
            var ends = AssignAll(consumer, topics, stoppingToken);
            var pending = new PendingHotlistBatches();
            LogStarted(logger, string.Join(',', topics), ends.Count);
            if (ends.Count == 0)
            {
                status.MarkCaughtUp();
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result?.Message is { } message)
                {
                    Handle(message, pending);
                    if (ends.TryGetValue(result.TopicPartition, out var end) && result.Offset.Value + 1 >= end)
                    {
                        ends.Remove(result.TopicPartition);
                    }
                }
                if (!status.IsCaughtUp && ends.Count == 0)
                {
                    status.MarkCaughtUp();
                    LogCaughtUp(logger, lookup.Count);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }

    /// <summary>Assigns every partition from the beginning; returns the end offsets to reach before reporting ready.</summary>
    private Dictionary<TopicPartition, long> AssignAll(IConsumer<byte[]?, byte[]> consumer, string[] topics, CancellationToken stoppingToken)
    {
        using var admin = new AdminClientBuilder(kafka.Value.CreateAdminConfig("anpr-matcher-metadata")).Build();
        var ends = new Dictionary<TopicPartition, long>();
        var assignment = new List<TopicPartitionOffset>();
        foreach (var topic in topics)
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
            foreach (var partition in metadata.Topics.SelectMany(t => t.Partitions))
            {
                stoppingToken.ThrowIfCancellationRequested();
                var tp = new TopicPartition(topic, partition.PartitionId);
                var watermarks = consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10));
                if (watermarks.High.Value > watermarks.Low.Value)
                {
                    ends[tp] = watermarks.High.Value;
                }
                assignment.Add(new TopicPartitionOffset(tp, Offset.Beginning));
            }
        }
        consumer.Assign(assignment);
        return ends;
    }

    private void Handle(Message<byte[]?, byte[]> message, PendingHotlistBatches pending)
    {
        try
        {
            var kind = message.Headers?.TryGetLastBytes(AnprHeaders.RecordKind, out var k) == true ? k : null;
            var completed = kind is not null && AnprHeaders.HotlistManifest.SequenceEqual(kind)
                ? pending.Add(AnprCodecs.HotlistBatchManifest.Decode(message.Value))
                : pending.Add(AnprCodecs.HotlistEntry.Decode(message.Value));
            if (completed is { } batch)
            {
                lookup.Apply(batch.Manifest, batch.Entries);
                metrics.BatchApplied();
                LogBatchApplied(logger, batch.Manifest.Country, batch.Manifest.List, batch.Manifest.Version, batch.Entries.Length);
            }
        }
        catch (AvroContractException e)
        {
            metrics.BatchRejected("undecodable");
            LogUndecodable(logger, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replicating hotlists from {Topics}; {Partitions} non-empty partitions to catch up")]
    private static partial void LogStarted(ILogger logger, string topics, int partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotlists caught up: {Entries} entries")]
    private static partial void LogCaughtUp(ILogger logger, int entries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied hotlist {Country}/{List} version {Version}: {Entries} entries")]
    private static partial void LogBatchApplied(ILogger logger, string country, string list, long version, int entries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an undecodable hotlist record: {Reason}")]
    private static partial void LogUndecodable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka: {Reason}")]
    private static partial void LogKafkaError(ILogger logger, string reason);
}
