using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Cli.Demo;

/// <summary>Publishes a sample list as one batch: entries keyed by entry id, then the manifest that commits them.</summary>
internal static class DemoHotlistPublisher
{
    public static void Publish(KafkaOptions kafka, string country, string list, IReadOnlyList<HotlistEntryRecord> entries, DateTimeOffset now)
    {
        var batchId = $"{country}-{list}-{now.ToUnixTimeMilliseconds()}";
        using var producer = new ProducerBuilder<string, byte[]>(kafka.CreateProducerConfig("anpr-demo-hotlist")).Build();
        var failures = 0;
        Action<DeliveryReport<string, byte[]>> onDelivered = r =>
        {
            if (r.Error.IsError)
            {
                Interlocked.Increment(ref failures);
            }
        };
        var topic = AnprTopics.Hotlist(country);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i] with { BatchId = batchId, Sequence = i, SourceCountry = country, List = list };
            Produce(producer, topic, entry.EntryId, AnprCodecs.HotlistEntry.Encode(entry), AnprHeaders.HotlistEntry, onDelivered);
        }
        producer.Flush(TimeSpan.FromSeconds(30));
        var manifest = new HotlistBatchManifest
        {
            BatchId = batchId,
            Country = country,
            List = list,
            Version = 1,
            Mode = HotlistPushMode.Full,
            EntryCount = entries.Count,
            EntriesSha256 = [],
            SignerKeyId = "demo",
            Signature = [],
            CreatedAt = now,
        };
        Produce(producer, topic, $"manifest/{list}", AnprCodecs.HotlistBatchManifest.Encode(manifest), AnprHeaders.HotlistManifest, onDelivered);
        producer.Flush(TimeSpan.FromSeconds(30));
        if (failures > 0)
        {
            throw new InvalidOperationException($"{failures} hotlist records of {country}/{list} were not delivered.");
        }
    }

    private static void Produce(IProducer<string, byte[]> producer, string topic, string key, byte[] value, ReadOnlySpan<byte> kind, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        var message = new Message<string, byte[]> { Key = key, Value = value, Headers = [new Header(AnprHeaders.RecordKind, kind.ToArray())] };
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
}
