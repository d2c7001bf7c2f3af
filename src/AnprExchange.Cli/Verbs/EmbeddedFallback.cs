using AnprExchange.Kafka;

namespace AnprExchange.Cli.Verbs;

/// <summary>
/// Services run against the cluster given by --bootstrap-servers; without one they start an embedded cluster with the
/// country's topics, so a single service can be tried on its own.
/// </summary>
public static class EmbeddedFallback
{
    /// <summary>Returns the cluster started (dispose it when the service ends), or null when <paramref name="servers"/> names one.</summary>
    public static EmbeddedKafkaCluster? StartIfNone(ref string? servers, string country)
    {
        if (!string.IsNullOrWhiteSpace(servers))
        {
            return null;
        }
        var embedded = EmbeddedKafkaCluster.Start();
        new EmbeddedClusterLayout([country]).CreateTopics(embedded);
        servers = embedded.BootstrapServers;
        Console.Error.WriteLine($"no --bootstrap-servers: embedded cluster at {servers}");
        return embedded;
    }
}
