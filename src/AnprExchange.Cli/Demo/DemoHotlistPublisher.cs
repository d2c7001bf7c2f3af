using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using AnprExchange.Kafka;

namespace AnprExchange.Cli.Demo;

/// <summary>Publishes a sample list as one signed full push, the way `anpr hotlist push` does.</summary>
internal static class DemoHotlistPublisher
{
    public static void Publish(KafkaOptions kafka, HotlistSigningKey key, string country, string list, IReadOnlyList<HotlistEntryRecord> entries, TimeProvider time, long version = 1)
    {
        var request = new HotlistPushRequest
        {
            Country = country,
            List = list,
            Mode = HotlistPushMode.Full,
            Version = version,
            Entries = entries.Select(e => e with { SourceCountry = country, List = list }).ToArray(),
        };
        var batch = new HotlistPublisher(time).Prepare(request, key);
        using var sink = new KafkaHotlistRecordSink(kafka, country);
        HotlistPublisher.PublishAsync(batch, sink, CancellationToken.None).GetAwaiter().GetResult();
    }
}
