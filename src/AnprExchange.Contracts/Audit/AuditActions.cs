namespace AnprExchange.Contracts.Audit;

/// <summary>The "what" words of <see cref="AuditRecord.Action"/>.</summary>
public static class AuditActions
{
    /// <summary>A new alarm reached the control room's open list.</summary>
    public const string AlertDelivered = "alert_delivered";

    /// <summary>The same plate and entry was read again within the throttle window; the open alert was updated.</summary>
    public const string AlertSighting = "alert_sighting";

    /// <summary>An operator opened the alert's detail view.</summary>
    public const string AlertOpened = "alert_opened";

    /// <summary>An operator acknowledged the alert with an outcome.</summary>
    public const string AlertAcknowledged = "alert_acknowledged";

    /// <summary>The open list was full and its least recently active alert was dropped unacknowledged.</summary>
    public const string AlertDropped = "alert_dropped";

    /// <summary>An administrator pushed a hotlist (for the hotlist tool).</summary>
    public const string HotlistPushed = "hotlist_pushed";
}
