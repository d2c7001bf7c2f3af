using AnprExchange.Hotlists.Signing;
using AnprExchange.Kafka;
using AnprExchange.Matcher.Indexing;
using AnprExchange.Matcher.Matching;
using AnprExchange.Matcher.Replication;
using AnprExchange.Matcher.Routing;
using AnprExchange.Matcher.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnprExchange.Matcher;

public static class MatcherServiceCollectionExtensions
{
    /// <summary>
    /// The matcher: hotlist replication into the index, and read matching once replication has caught up.
    /// Trusted signing keys come from Matcher:TrustedKeysDirectory unless a <see cref="HotlistTrustStore"/> is registered.
    /// </summary>
    public static IServiceCollection AddAnprMatcher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.BootstrapServers), "Kafka:BootstrapServers is required").ValidateOnStart();
        services.AddOptions<MatcherOptions>().Bind(configuration.GetSection(MatcherOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        // Arrays bind by index over their defaults, so the default country list is applied only when none is configured.
        services.PostConfigure<MatcherOptions>(o => o.HotlistCountries = o.HotlistCountries is { Length: > 0 } ? o.HotlistCountries : MatcherOptions.DefaultHotlistCountries);
        services.AddOptions<AlertRoutingOptions>().Bind(configuration.GetSection(AlertRoutingOptions.SectionName))
            .Validate(o => o.Validate().Count == 0, "AlertRouting configuration is inconsistent").ValidateOnStart();
        services.AddSingleton(sp => new AlertRouter(sp.GetRequiredService<IOptions<AlertRoutingOptions>>().Value));
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => LoadTrustStore(sp.GetRequiredService<IOptions<MatcherOptions>>().Value));
        services.AddSingleton<MatcherMetrics>();
        services.AddSingleton<MatcherIndex>();
        services.AddSingleton<HotlistReplicationStatus>();
        services.AddHostedService<HotlistReplicationService>();
        services.AddHostedService<ReadMatchingService>();
        return services;
    }

    private static HotlistTrustStore LoadTrustStore(MatcherOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.TrustedKeysDirectory))
        {
            throw new OptionsValidationException(nameof(MatcherOptions), typeof(MatcherOptions),
                ["Matcher:TrustedKeysDirectory is required (--trusted-keys): a folder with one sub-folder per country of *.pem public keys."]);
        }
        return HotlistTrustStore.LoadDirectory(options.TrustedKeysDirectory);
    }
}
