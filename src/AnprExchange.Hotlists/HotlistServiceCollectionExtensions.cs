using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnprExchange.Hotlists;

public static class HotlistServiceCollectionExtensions
{
    /// <summary>
    /// Registers what a matcher needs to accept hotlist batches: the trust store (validated at start-up), the verifier,
    /// one <see cref="HotlistBatchAssembler"/> for the replication loop, and <see cref="HotlistMetrics"/> (needs the
    /// IMeterFactory that the generic host registers). Bind the
    /// options from configuration first, e.g. <c>services.AddOptions&lt;HotlistTrustOptions&gt;().BindConfiguration(HotlistTrustOptions.SectionName)</c>.
    /// </summary>
    public static IServiceCollection AddHotlistVerification(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<HotlistTrustOptions>().ValidateOnStart();
        services.AddOptions<HotlistAssemblerOptions>()
            .Validate(o => o.AbandonAfter > TimeSpan.Zero && o.RememberFinishedBatches >= 1,
                "HotlistAssemblerOptions: AbandonAfter must be positive and RememberFinishedBatches at least 1.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HotlistTrustOptions>, HotlistTrustOptionsValidator>());
        services.TryAddSingleton(sp => HotlistTrustStore.Load(sp.GetRequiredService<IOptions<HotlistTrustOptions>>().Value));
        services.TryAddSingleton<HotlistBatchVerifier>();
        services.TryAddSingleton<HotlistMetrics>();
        services.TryAddSingleton(sp => new HotlistBatchAssembler(
            sp.GetRequiredService<HotlistBatchVerifier>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<HotlistAssemblerOptions>>().Value));
        return services;
    }
}
