using Confluent.Kafka;

namespace AnprExchange.Kafka;

/// <summary>
/// Where the cluster is and how to talk to it. Bound from the "Kafka" configuration section; any librdkafka
/// property (security.protocol, sasl.*, ssl.*) goes into <see cref="Settings"/> and is passed through unchanged.
/// </summary>
public sealed class KafkaOptions
{
    public const string SectionName = "Kafka";

    public string BootstrapServers { get; set; } = "";

    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.Ordinal);

    public ProducerConfig CreateProducerConfig(string clientId)
    {
        var config = new ProducerConfig(Base(clientId))
        {
            // acks=all + idempotence: no reordering or loss on retries on a real broker; we still de-duplicate by id
            // downstream because the embedded cluster does not emulate idempotent de-duplication.
            Acks = Acks.All,
            EnableIdempotence = true,
            LingerMs = 5,
            CompressionType = CompressionType.Lz4,
        };
        return config;
    }

    public ConsumerConfig CreateConsumerConfig(string groupId, string clientId) =>
        new(Base(clientId))
        {
            GroupId = groupId,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            // Offsets are stored explicitly after processing and committed in the background.
            EnableAutoCommit = true,
            EnableAutoOffsetStore = false,
            // Reads and alerts are latency-sensitive: don't let the broker hold a fetch for the default 500 ms.
            FetchWaitMaxMs = 20,
        };

    public AdminClientConfig CreateAdminConfig(string clientId) => new(Base(clientId));

    private Dictionary<string, string> Base(string clientId)
    {
        if (string.IsNullOrWhiteSpace(BootstrapServers))
        {
            throw new InvalidOperationException("Kafka:BootstrapServers is not set (use --bootstrap-servers).");
        }
        var settings = new Dictionary<string, string>(Settings, StringComparer.Ordinal)
        {
            ["bootstrap.servers"] = BootstrapServers,
            ["client.id"] = clientId,
        };
        return settings;
    }
}
