using AnprExchange.EdgeAgent.Forwarding;
using AnprExchange.EdgeAgent.Http;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Telemetry;
using AnprExchange.Kafka;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnprExchange.EdgeAgent.Hosting;

/// <summary>All of the edge agent's wiring in one place; the verb and the tests only choose ports and settings.</summary>
public static class EdgeAgentServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="EdgeAgentOptions"/> ("EdgeAgent"), <see cref="SpoolOptions"/> ("EdgeAgent:Spool"),
    /// <see cref="IngestOptions"/> ("EdgeAgent:Ingest") and <see cref="KafkaOptions"/> ("Kafka"), validated at start-up;
    /// registers the spool, ingest, and the forwarder.
    /// </summary>
    public static IServiceCollection AddEdgeAgent(this IServiceCollection services, IConfiguration configuration)
    {
        var agent = configuration.GetSection(EdgeAgentOptions.SectionName);
        services.AddOptions<EdgeAgentOptions>().Bind(agent).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SpoolOptions>().Bind(agent.GetSection("Spool")).ValidateDataAnnotations()
            .Validate(s => s.MaxBytes >= 2 * s.SegmentBytes, "EdgeAgent:Spool:MaxBytes must be at least two segments (SegmentBytes).")
            .ValidateOnStart();
        services.AddOptions<IngestOptions>().Bind(agent.GetSection("Ingest")).ValidateDataAnnotations()
            .Validate(i => i.MaxFutureSkew >= TimeSpan.Zero, "EdgeAgent:Ingest:MaxFutureSkew must not be negative.")
            .ValidateOnStart();
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName))
            .Validate(k => !string.IsNullOrWhiteSpace(k.BootstrapServers), "Kafka:BootstrapServers is required (--bootstrap-servers).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        services.AddSingleton(sp => new EdgeAgentMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton(sp => new ReadSpool(sp.GetRequiredService<IOptions<SpoolOptions>>().Value, sp.GetRequiredService<ILogger<ReadSpool>>()));
        services.AddSingleton(_ => new ReadIdGenerator());
        services.AddSingleton(sp => new RejectedReadQueue(
            sp.GetRequiredService<IOptions<IngestOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<EdgeAgentMetrics>()));
        services.AddSingleton<IRejectedReadSink>(sp => sp.GetRequiredService<RejectedReadQueue>());
        services.AddSingleton<HttpReadIngest>();
        services.AddSingleton<ReadForwarder>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadForwarder>());
        return services;
    }
}
