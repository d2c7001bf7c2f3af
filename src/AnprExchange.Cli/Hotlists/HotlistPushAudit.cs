using System.Globalization;
using AnprExchange.Contracts.Audit;
using AnprExchange.Contracts.Records;
using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Cli.Hotlists;

/// <summary>The audit line of a push (who, what, signer) written as JSON to anpr.audit.&lt;cc&gt;, keyed "hotlist/&lt;list&gt;".</summary>
internal static class HotlistPushAudit
{
    public static AuditRecord Record(HotlistBatchManifest manifest, string operatorName, DateTimeOffset at) => new()
    {
        AuditId = Guid.CreateVersion7(at).ToString("N"),
        At = at,
        Actor = $"operator:{operatorName}",
        Action = AuditActions.HotlistPushed,
        Country = manifest.Country,
        Reason = string.Create(CultureInfo.InvariantCulture,
            $"pushed {manifest.Country}/{manifest.List} version {manifest.Version} ({manifest.Mode.ToString().ToLowerInvariant()}, {manifest.EntryCount} entries, batch {manifest.BatchId}) signed by key {manifest.SignerKeyId}"),
    };

    public static async Task SendAsync(KafkaOptions kafka, AuditRecord record, string list, CancellationToken cancellationToken)
    {
        using var producer = new ProducerBuilder<string, byte[]>(kafka.CreateProducerConfig("anpr-hotlist-audit")).Build();
        // One record: awaiting its acknowledgement is the point (the push is audited or the verb says it is not).
        await producer.ProduceAsync(AnprTopics.Audit(record.Country),
            new Message<string, byte[]> { Key = $"hotlist/{list}", Value = AuditRecordJson.Serialize(record) }, cancellationToken);
    }

    public static string Operator(string? given) =>
        given is { Length: > 0 } name ? name
        : Environment.GetEnvironmentVariable("USER") is { Length: > 0 } user ? user
        : Environment.UserName;
}
