using AnprExchange.Kafka;
using AnprExchange.Matcher.Lookup;
using AnprExchange.Matcher.Matching;
using AnprExchange.Matcher.Replication;
using AnprExchange.Matcher.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AnprExchange.Matcher;

public static class MatcherServiceCollectionExtensions
{
    /// <summary>The matcher: hotlist replication into the lookup, and read matching once replication has caught up.</summary>
    public static IServiceCollection AddAnprMatcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.BootstrapServers), "Kafka:BootstrapServers is required").ValidateOnStart();
        services.AddOptions<MatcherOptions>().Bind(configuration.GetSection(MatcherOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MatcherMetrics>();
        services.AddSingleton<IHotlistLookup, SimpleHotlistLookup>();
        services.AddSingleton<HotlistReplicationStatus>();
        services.AddHostedService<HotlistReplicationService>();
        services.AddHostedService<ReadMatchingService>();
        return services;
    }
}
