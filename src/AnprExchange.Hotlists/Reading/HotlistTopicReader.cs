using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Signing;
using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Hotlists.Reading;

/// <summary>
/// Reads countries' hotlist topics from the beginning up to the end offsets seen at start (every partition, assigned
/// directly, no consumer group) through a <see cref="HotlistBatchAssembler"/>, as a matcher would: for `anpr hotlist
/// status` and `export`. Committed batches are handed to <c>onCommitted</c> in the order the assembler releases them.
/// </summary>
public sealed class HotlistTopicReader(KafkaOptions kafka, HotlistTrustStore trust, TimeProvider time)
{
    private const int HousekeepingEvery = 10_000;

    /// <summary>How long to wait without any record before giving up on reaching the end offsets.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public HotlistTopicSummary Read(IReadOnlyList<string> countries, Action<HotlistBatchOutcome>? onCommitted, CancellationToken cancellationToken)
    {
        var clock = new RecordTimeProvider(DateTimeOffset.UnixEpoch);
        var assembler = new HotlistBatchAssembler(new HotlistBatchVerifier(trust), clock);
        var notApplied = new List<HotlistBatchOutcome>();
        var latest = new Dictionary<(string, string), HotlistBatchManifest>();
        var missing = new List<string>();

        var config = kafka.CreateConsumerConfig($"anpr-hotlist-reader-{Guid.NewGuid():N}", "anpr-hotlist-reader");
        config.EnableAutoCommit = false;
        config.FetchWaitMaxMs = 100;
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
        var ends = AssignAll(consumer, countries, missing, out var partitions, cancellationToken);
        long read = 0;
        var idleSince = time.GetTimestamp();
        try
        {
            while (ends.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
                if (result?.Message is not { } message)
                {
                    if (time.GetElapsedTime(idleSince) > IdleTimeout)
                    {
                        throw new TimeoutException($"no hotlist record for {IdleTimeout.TotalSeconds:F0} s with {ends.Count} partition(s) short of their end offsets");
                    }
                    continue;
                }
                idleSince = time.GetTimestamp();
                read++;
                clock.Now = message.Timestamp.UtcDateTime;
                Settle(Feed(message, assembler, latest), onCommitted, notApplied);
                if (read % HousekeepingEvery == 0)
                {
                    Settle(assembler.DropAbandoned(), onCommitted, notApplied);
                }
                if (ends.TryGetValue(result.TopicPartition, out var end) && result.Offset.Value + 1 >= end)
                {
                    ends.Remove(result.TopicPartition);
                }
            }
            Settle(assembler.DropAbandoned(), onCommitted, notApplied);
        }
        finally
        {
            consumer.Close();
        }
        return new HotlistTopicSummary
        {
            Lists = assembler.Lists,
            NotApplied = notApplied,
            LatestManifests = [.. latest.Values.OrderBy(m => m.Country, StringComparer.Ordinal).ThenBy(m => m.List, StringComparer.Ordinal)],
            PendingBatches = assembler.PendingBatchCount,
            RecordsRead = read,
            Partitions = partitions,
            MissingTopics = missing,
        };
    }

    private static IReadOnlyList<HotlistBatchOutcome> Feed(Message<Ignore, byte[]> message, HotlistBatchAssembler assembler,
        Dictionary<(string, string), HotlistBatchManifest> latest)
    {
        try
        {
            if (message.Headers?.TryGetLastBytes(AnprHeaders.RecordKind, out var kind) == true && AnprHeaders.HotlistManifest.SequenceEqual(kind))
            {
                var manifest = AnprCodecs.HotlistBatchManifest.Decode(message.Value);
                var key = (manifest.Country, manifest.List);
                if (!latest.TryGetValue(key, out var seen) || manifest.Version > seen.Version)
                {
                    latest[key] = manifest;
                }
                return assembler.Add(manifest);
            }
            return assembler.Add(AnprCodecs.HotlistEntry.Decode(message.Value));
        }
        catch (AvroContractException)
        {
            return []; // the matcher skips these too (and logs them); nothing to show per list
        }
    }

    private static void Settle(IReadOnlyList<HotlistBatchOutcome> outcomes, Action<HotlistBatchOutcome>? onCommitted, List<HotlistBatchOutcome> notApplied)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Kind == HotlistBatchOutcomeKind.Committed)
            {
                onCommitted?.Invoke(outcome);
            }
            else
            {
                notApplied.Add(outcome);
            }
        }
    }

    private Dictionary<TopicPartition, long> AssignAll(IConsumer<Ignore, byte[]> consumer, IReadOnlyList<string> countries,
        List<string> missing, out int partitions, CancellationToken cancellationToken)
    {
        using var admin = new AdminClientBuilder(kafka.CreateAdminConfig("anpr-hotlist-reader-metadata")).Build();
        var ends = new Dictionary<TopicPartition, long>();
        var assignment = new List<TopicPartitionOffset>();
        foreach (var topic in countries.Select(AnprTopics.Hotlist))
        {
            var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.SingleOrDefault(t => t.Topic == topic);
            if (metadata is null || metadata.Error.IsError || metadata.Partitions.Count == 0)
            {
                missing.Add(topic);
                continue;
            }
            foreach (var partition in metadata.Partitions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var tp = new TopicPartition(topic, partition.PartitionId);
                var watermarks = consumer.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(10));
                if (watermarks.High.Value > watermarks.Low.Value)
                {
                    ends[tp] = watermarks.High.Value;
                }
                assignment.Add(new TopicPartitionOffset(tp, Offset.Beginning));
            }
        }
        partitions = assignment.Count;
        consumer.Assign(assignment);
        return ends;
    }
}
