using AnprExchange.Contracts.Records;
using AnprExchange.Kafka;

namespace AnprExchange.Cli.Hotlists;

/// <summary>What `anpr hotlist push` was asked to do, parsed and checked by the verb.</summary>
internal sealed record HotlistPushArguments
{
    public required string Country { get; init; }
    public required string List { get; init; }
    public required FileInfo File { get; init; }
    public required HotlistPushMode Mode { get; init; }
    public required FileInfo SigningKey { get; init; }
    /// <summary>Null: <see cref="AnprExchange.Hotlists.Publishing.HotlistVersions.FromClock"/>.</summary>
    public long? Version { get; init; }
    public int OcrTolerance { get; init; } = 1;
    public string? Operator { get; init; }
    public required KafkaOptions Kafka { get; init; }
}
