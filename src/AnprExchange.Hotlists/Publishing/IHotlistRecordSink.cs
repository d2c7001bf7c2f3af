using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Publishing;

/// <summary>
/// Where a push goes: the Kafka producer in production, a list in tests. The publisher sends every entry, then
/// calls <see cref="FlushAsync"/> (entries durably written), and only then sends the manifest and flushes again.
/// </summary>
public interface IHotlistRecordSink
{
    /// <summary>Queues an entry; may return before it is written (use a delivery handler, not an await per record).</summary>
    ValueTask SendEntryAsync(string key, HotlistEntryRecord entry, CancellationToken cancellationToken);

    ValueTask SendManifestAsync(string key, HotlistBatchManifest manifest, CancellationToken cancellationToken);

    /// <summary>Completes when everything sent so far is durably written; throws if any of it failed.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
