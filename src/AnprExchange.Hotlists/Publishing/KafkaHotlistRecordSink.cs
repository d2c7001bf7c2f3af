using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Hotlists.Publishing;

/// <summary>
/// Sends a push to the country's hotlist topic: entries and the manifest told apart by the anpr-record header.
/// Produces with a delivery handler (never an await per record); <see cref="FlushAsync"/> waits for every
/// acknowledgement and throws if any record failed, so the publisher never sends a manifest for a partial batch.
/// </summary>
public sealed class KafkaHotlistRecordSink : IHotlistRecordSink, IDisposable
{
    private static readonly byte[] EntryKind = AnprHeaders.HotlistEntry.ToArray();
    private static readonly byte[] ManifestKind = AnprHeaders.HotlistManifest.ToArray();

    private readonly IProducer<string, byte[]> _producer;
    private readonly string _topic;
    private readonly Action<DeliveryReport<string, byte[]>> _onDelivered;
    private string? _firstError;
    private long _delivered;

    public KafkaHotlistRecordSink(KafkaOptions kafka, string country)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        _topic = AnprTopics.Hotlist(country);
        _producer = new ProducerBuilder<string, byte[]>(kafka.CreateProducerConfig("anpr-hotlist-push")).Build();
        _onDelivered = report =>
        {
            if (report.Error.IsError)
            {
                Interlocked.CompareExchange(ref _firstError, report.Error.Reason, null);
            }
            else
            {
                Interlocked.Increment(ref _delivered);
            }
        };
    }

    /// <summary>Records acknowledged by the cluster so far (for progress display).</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    public ValueTask SendEntryAsync(string key, HotlistEntryRecord entry, CancellationToken cancellationToken)
    {
        Produce(key, AnprCodecs.HotlistEntry.Encode(entry), EntryKind, cancellationToken);
        return ValueTask.CompletedTask;
    }

    public ValueTask SendManifestAsync(string key, HotlistBatchManifest manifest, CancellationToken cancellationToken)
    {
        Produce(key, AnprCodecs.HotlistBatchManifest.Encode(manifest), ManifestKind, cancellationToken);
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _producer.Flush(cancellationToken);
        if (Volatile.Read(ref _firstError) is { } error)
        {
            throw new KafkaException(new Error(ErrorCode.Local_Fail, $"hotlist records to {_topic} were not delivered: {error}"));
        }
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _producer.Dispose();

    private void Produce(string key, byte[] value, byte[] kind, CancellationToken cancellationToken)
    {
        var message = new Message<string, byte[]> { Key = key, Value = value, Headers = [new Header(AnprHeaders.RecordKind, kind)] };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                _producer.Produce(_topic, message, _onDelivered);
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                _producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }
}
