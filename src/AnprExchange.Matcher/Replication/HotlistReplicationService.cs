using AnprExchange.Contracts.Avro;
using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Signing;
using AnprExchange.Kafka;
using AnprExchange.Matcher.Indexing;
using AnprExchange.Matcher.Telemetry;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AnprExchange.Matcher.Replication;

/// <summary>
/// Replicates every configured country's hotlist topic into the index. Every matcher needs every entry, so all
/// partitions are assigned directly (no consumer group). A batch is applied only when its signed manifest and all
/// its entries have arrived and verify, so a push that died half way is never half-applied, on any broker.
/// With a snapshot folder it resumes from the last snapshot's offsets instead of replaying everything.
/// </summary>
public sealed partial class HotlistReplicationService(
    IOptions<KafkaOptions> kafka,
    IOptions<MatcherOptions> options,
    MatcherIndex index,
    HotlistTrustStore trustStore,
    HotlistReplicationStatus status,
    MatcherMetrics metrics,
    TimeProvider time,
    ILogger<HotlistReplicationService> logger) : BackgroundService
{
    private static readonly TimeSpan HousekeepingInterval = TimeSpan.FromSeconds(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var topics = settings.HotlistCountries.Select(AnprTopics.Hotlist).ToArray();
        var assembler = new HotlistBatchAssembler(new HotlistBatchVerifier(trustStore), time, new HotlistAssemblerOptions { AbandonAfter = settings.AbandonBatchesAfter });
        var resume = new PartitionResumePoints();
        var snapshots = settings.SnapshotDirectory is { Length: > 0 } dir ? new ReplicationSnapshotStore(dir) : null;
        var offsets = LoadSnapshot(snapshots, assembler, resume);

        var config = kafka.Value.CreateConsumerConfig($"anpr-hotlist-replica-{Guid.NewGuid():N}", "anpr-matcher-replication");
        config.EnableAutoCommit = false;
        config.FetchWaitMaxMs = 100;
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config)
            .SetErrorHandler((_, e) => LogKafkaError(logger, e.Reason))
            .Build();
        try
        {
            var ends = AssignAll(consumer, topics, offsets, stoppingToken);
            LogStarted(logger, string.Join(',', topics), status.Start, ends.Count);
            var changedSinceSnapshot = false;
            var lastHousekeeping = time.GetTimestamp();
            var lastSnapshot = time.GetTimestamp();
            var lastCompaction = time.GetTimestamp();
            while (!stoppingToken.IsCancellationRequested)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
                if (result?.Message is { } message)
                {
                    changedSinceSnapshot |= Handle(result.TopicPartition, result.Offset.Value, message, assembler, resume);
                    // Counted after the record's effect is in the index, so waiting on the count is waiting on the effect.
                    status.RecordConsumed();
                    if (ends.TryGetValue(result.TopicPartition, out var end) && result.Offset.Value + 1 >= end)
                    {
                        ends.Remove(result.TopicPartition);
                    }
                }
                if (!status.IsCaughtUp && ends.Count == 0)
                {
                    if (snapshots is not null && changedSinceSnapshot)
                    {
                        Snapshot(snapshots, assembler, resume);
                        changedSinceSnapshot = false;
                        lastSnapshot = time.GetTimestamp();
                    }
                    status.MarkCaughtUp();
                    LogCaughtUp(logger, index.Current.Count);
                }
                if (time.GetElapsedTime(lastHousekeeping) >= HousekeepingInterval)
                {
                    lastHousekeeping = time.GetTimestamp();
                    changedSinceSnapshot |= Settle(assembler.DropAbandoned(), resume);
                    if (snapshots is not null && changedSinceSnapshot && time.GetElapsedTime(lastSnapshot) >= settings.SnapshotInterval)
                    {
                        Snapshot(snapshots, assembler, resume);
                        changedSinceSnapshot = false;
                        lastSnapshot = time.GetTimestamp();
                    }
                    if (time.GetElapsedTime(lastCompaction) >= settings.CompactionInterval)
                    {
                        lastCompaction = time.GetTimestamp();
                        index.Current.Compact(expiredAt: time.GetUtcNow());
                    }
                }
            }
            if (snapshots is not null && changedSinceSnapshot)
            {
                Snapshot(snapshots, assembler, resume);
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

    private Dictionary<TopicPartition, long> LoadSnapshot(ReplicationSnapshotStore? snapshots, HotlistBatchAssembler assembler, PartitionResumePoints resume)
    {
        if (snapshots is null)
        {
            status.Started(ReplicationStart.FullReplay, new Dictionary<TopicPartition, long>());
            return [];
        }
        try
        {
            if (!snapshots.TryLoad(out var loaded, out var offsets, out var lists))
            {
                status.Started(ReplicationStart.FullReplay, new Dictionary<TopicPartition, long>());
                return [];
            }
            index.Current = loaded;
            foreach (var list in lists)
            {
                assembler.Restore(list);
            }
            resume.Restore(offsets);
            status.Started(ReplicationStart.FromSnapshot, offsets);
            LogSnapshotLoaded(logger, loaded.Count, offsets.Count);
            return offsets;
        }
        catch (InvalidDataException e)
        {
            LogSnapshotUnusable(logger, e.Message);
            status.Started(ReplicationStart.FullReplayAfterBadSnapshot, new Dictionary<TopicPartition, long>());
            return [];
        }
    }

    /// <summary>Assigns every partition, from the snapshot's offset or the beginning; returns the end offsets still to reach.</summary>
    private Dictionary<TopicPartition, long> AssignAll(IConsumer<byte[]?, byte[]> consumer, string[] topics, Dictionary<TopicPartition, long> offsets, CancellationToken stoppingToken)
    {
        using var admin = new AdminClientBuilder(kafka.Value.CreateAdminConfig("anpr-matcher-metadata")).Build();
        var partitions = new List<TopicPartition>();
        foreach (var topic in topics)
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));
            partitions.AddRange(metadata.Topics.SelectMany(t => t.Partitions).Select(p => new TopicPartition(topic, p.PartitionId)));
        }
        // Two ListOffsets requests for every partition at once: asking partition by partition costs a round trip each.
        var lows = ListOffsets(admin, partitions, OffsetSpec.Earliest(), stoppingToken);
        var highs = ListOffsets(admin, partitions, OffsetSpec.Latest(), stoppingToken);
        var ends = new Dictionary<TopicPartition, long>();
        var assignment = new List<TopicPartitionOffset>(partitions.Count);
        foreach (var tp in partitions)
        {
            var from = offsets.TryGetValue(tp, out var stored) ? new Offset(stored) : Offset.Beginning;
            var readFrom = Math.Max(lows.GetValueOrDefault(tp), from == Offset.Beginning ? 0 : from.Value);
            if (highs.GetValueOrDefault(tp) > readFrom)
            {
                ends[tp] = highs[tp];
            }
            assignment.Add(new TopicPartitionOffset(tp, from));
        }
        consumer.Assign(assignment);
        return ends;
    }

    private static Dictionary<TopicPartition, long> ListOffsets(IAdminClient admin, List<TopicPartition> partitions, OffsetSpec spec, CancellationToken stoppingToken)
    {
        var request = partitions.Select(tp => new TopicPartitionOffsetSpec { TopicPartition = tp, OffsetSpec = spec });
        var result = admin.ListOffsetsAsync(request, new ListOffsetsOptions { RequestTimeout = TimeSpan.FromSeconds(10) })
            .WaitAsync(stoppingToken).GetAwaiter().GetResult();
        return result.ResultInfos.ToDictionary(r => r.TopicPartitionOffsetError.TopicPartition, r => r.TopicPartitionOffsetError.Offset.Value);
    }

    /// <summary>Returns true when the index changed.</summary>
    private bool Handle(TopicPartition partition, long offset, Message<byte[]?, byte[]> message, HotlistBatchAssembler assembler, PartitionResumePoints resume)
    {
        IReadOnlyList<HotlistBatchOutcome> outcomes;
        try
        {
            var kind = message.Headers?.TryGetLastBytes(AnprHeaders.RecordKind, out var k) == true ? k : null;
            if (kind is not null && AnprHeaders.HotlistManifest.SequenceEqual(kind))
            {
                var manifest = AnprCodecs.HotlistBatchManifest.Decode(message.Value);
                resume.Consumed(partition, offset, manifest.BatchId);
                outcomes = assembler.Add(manifest);
            }
            else
            {
                var entry = AnprCodecs.HotlistEntry.Decode(message.Value);
                resume.Consumed(partition, offset, entry.BatchId);
                outcomes = assembler.Add(entry);
            }
        }
        catch (AvroContractException e)
        {
            metrics.BatchRejected("undecodable");
            LogUndecodable(logger, partition.Topic, partition.Partition.Value, offset, e.Message);
            return false;
        }
        return Settle(outcomes, resume);
    }

    /// <summary>Applies committed batches and reports the others, in the order the assembler released them; true when the index changed.</summary>
    private bool Settle(IReadOnlyList<HotlistBatchOutcome> outcomes, PartitionResumePoints resume)
    {
        var changed = false;
        foreach (var outcome in outcomes)
        {
            if (outcome.Kind != HotlistBatchOutcomeKind.Committed || outcome.Manifest is null)
            {
                Reject(outcome, resume);
                continue;
            }
            index.Current.Apply(outcome.Manifest, outcome.Entries);
            resume.Ended(outcome.BatchId);
            metrics.BatchApplied();
            status.BatchApplied();
            LogBatchApplied(logger, outcome.Country, outcome.List, outcome.Manifest.Version, outcome.Manifest.Mode.ToString(), outcome.Entries.Count, outcome.Manifest.SignerKeyId);
            changed = true;
        }
        return changed;
    }

    private void Reject(HotlistBatchOutcome outcome, PartitionResumePoints resume)
    {
        resume.Ended(outcome.BatchId);
        metrics.BatchRejected(outcome.Verification.Verdict.ToString());
        status.BatchRejected();
        LogBatchRejected(logger, outcome.Country, outcome.List, outcome.BatchId, outcome.Kind.ToString(), outcome.Verification.ToString());
    }

    private void Snapshot(ReplicationSnapshotStore snapshots, HotlistBatchAssembler assembler, PartitionResumePoints resume)
    {
        var offsets = resume.Snapshot();
        snapshots.Save(index.Current, offsets, assembler.Lists);
        status.SnapshotWritten();
        LogSnapshotSaved(logger, index.Current.Count, offsets.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replicating hotlists from {Topics} ({Start}); {Partitions} partitions to catch up")]
    private static partial void LogStarted(ILogger logger, string topics, ReplicationStart start, int partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hotlists caught up: {Entries} entries")]
    private static partial void LogCaughtUp(ILogger logger, int entries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied hotlist {Country}/{List} version {Version} ({Mode}, {Entries} entries, signed by {Signer})")]
    private static partial void LogBatchApplied(ILogger logger, string country, string list, long version, string mode, int entries, string signer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hotlist batch {Country}/{List} {BatchId} not applied ({Kind}): {Reason}; the previous version stays in force")]
    private static partial void LogBatchRejected(ILogger logger, string country, string list, string batchId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped an undecodable hotlist record at {Topic}[{Partition}]@{Offset}: {Reason}")]
    private static partial void LogUndecodable(ILogger logger, string topic, int partition, long offset, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded hotlist snapshot: {Entries} entries, resuming {Partitions} partitions from its offsets")]
    private static partial void LogSnapshotLoaded(ILogger logger, int entries, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hotlist snapshot unusable, replaying every hotlist topic instead: {Reason}")]
    private static partial void LogSnapshotUnusable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Saved hotlist snapshot: {Entries} entries, offsets of {Partitions} partitions")]
    private static partial void LogSnapshotSaved(ILogger logger, int entries, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka: {Reason}")]
    private static partial void LogKafkaError(ILogger logger, string reason);
}
