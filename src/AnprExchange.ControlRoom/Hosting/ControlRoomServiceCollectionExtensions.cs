using AnprExchange.Contracts.Audit;
using AnprExchange.ControlRoom.Acknowledgements;
using AnprExchange.ControlRoom.Alerts;
using AnprExchange.ControlRoom.Audit;
using AnprExchange.ControlRoom.Kafka;
using AnprExchange.Kafka;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AnprExchange.ControlRoom.Hosting;

/// <summary>All of the control room's wiring in one place; the verb and the tests only choose web or terminal.</summary>
public static class ControlRoomServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ControlRoomOptions"/> ("ControlRoom") and <see cref="KafkaOptions"/> ("Kafka"), validated at start-up,
    /// and registers the intake, the open list, acknowledgements, the audit trail and the Kafka consumer.
    /// </summary>
    public static IServiceCollection AddControlRoom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ControlRoomOptions>().Bind(configuration.GetSection(ControlRoomOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ControlRoomOptions>, ControlRoomOptionsValidator>();
        services.AddOptions<KafkaOptions>().Bind(configuration.GetSection(KafkaOptions.SectionName))
            .Validate(k => !string.IsNullOrWhiteSpace(k.BootstrapServers), "Kafka:BootstrapServers is required (--bootstrap-servers).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new OpenAlertStore(Options(sp).MaxOpenAlerts));
        services.AddSingleton(sp => PseudonymizerFor(Options(sp)));
        services.AddSingleton(sp => new AuditTrail(
            sp.GetRequiredService<IAuditSink>(), sp.GetRequiredService<PlatePseudonymizer>(), sp.GetRequiredService<TimeProvider>(),
            Options(sp).Country.ToUpperInvariant(), Options(sp).Room));
        services.AddSingleton(sp =>
        {
            var options = Options(sp);
            var time = sp.GetRequiredService<TimeProvider>();
            return new AlertIntake(
                options.Room,
                options.AcceptUnrouted,
                new AlertDeduplicator(time, options.DeduplicationRetention, options.DeduplicationCapacity),
                new SightingThrottle(time, options.ThrottleWindow),
                sp.GetRequiredService<OpenAlertStore>(),
                sp.GetRequiredService<AuditTrail>(),
                time);
        });
        services.AddSingleton(sp => new AcknowledgementService(
            Options(sp).Room, sp.GetRequiredService<OpenAlertStore>(), sp.GetRequiredService<AlertIntake>(),
            sp.GetRequiredService<IAcknowledgementPublisher>(), sp.GetRequiredService<AuditTrail>(), sp.GetRequiredService<TimeProvider>()));

        services.AddSingleton<ControlRoomStatus>();
        services.AddSingleton<ControlRoomProducer>();
        services.TryAddSingleton<IAuditSink, KafkaAuditSink>();
        services.TryAddSingleton<IAcknowledgementPublisher, KafkaAcknowledgementPublisher>();
        services.AddHostedService<AlertConsumerService>();
        return services;
    }

    /// <summary>Terminal mode: print alarms (masked plates) as they arrive.</summary>
    public static IServiceCollection AddControlRoomConsolePrinter(this IServiceCollection services) =>
        services.AddHostedService<ConsoleAlertPrinter>();

    private static ControlRoomOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<ControlRoomOptions>>().Value;

    private static PlatePseudonymizer PseudonymizerFor(ControlRoomOptions options) =>
        options.AuditKey.Length == 0 ? PlatePseudonymizer.WithEphemeralKey() : new PlatePseudonymizer(Convert.FromBase64String(options.AuditKey));
}
