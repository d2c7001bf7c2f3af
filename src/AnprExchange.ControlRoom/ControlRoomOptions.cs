namespace AnprExchange.ControlRoom;

/// <summary>One control room's console. Bound from the "ControlRoom" configuration section; validated at start-up.</summary>
public sealed class ControlRoomOptions
{
    public const string SectionName = "ControlRoom";

    /// <summary>This control room's id: only alerts keyed and addressed to it are shown.</summary>
    public string Room { get; set; } = "";

    /// <summary>ISO 3166 alpha-2 code of the country whose alert topics to use.</summary>
    public string Country { get; set; } = "";

    /// <summary>Also show alerts with no control room set (routing not configured upstream).</summary>
    public bool AcceptUnrouted { get; set; }

    /// <summary>Consumer group; the default is per room. Give each console instance of one room its own group.</summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>The same plate and entry read again within this window updates the open alert instead of raising a new alarm.</summary>
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an alert id is remembered for de-duplication.</summary>
    public TimeSpan DeduplicationRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>At most this many alert ids are remembered for de-duplication.</summary>
    public int DeduplicationCapacity { get; set; } = 200_000;

    /// <summary>On start-up, alerts raised less than this long ago are replayed to rebuild the open list (acknowledged ones stay closed).</summary>
    public TimeSpan ReplayLookback { get; set; } = TimeSpan.FromHours(24);

    /// <summary>At most this many open alerts are kept; beyond that the least recently active is dropped (and audited).</summary>
    public int MaxOpenAlerts { get; set; } = 5000;

    /// <summary>Base64 key (≥ 32 bytes) for the plate HMAC in audit records; empty means a random key per process.</summary>
    public string AuditKey { get; set; } = "";

    public string EffectiveConsumerGroup => string.IsNullOrWhiteSpace(ConsumerGroup) ? $"anpr-controlroom-{Room}" : ConsumerGroup;
}
