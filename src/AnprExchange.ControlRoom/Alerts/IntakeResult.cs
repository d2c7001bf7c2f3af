namespace AnprExchange.ControlRoom.Alerts;

/// <summary>What the intake did with a delivered alert.</summary>
public enum IntakeResult
{
    /// <summary>A new alarm on the open list.</summary>
    Raised,

    /// <summary>Another sighting of an open alert (same plate and entry within the window).</summary>
    Sighting,

    /// <summary>An alert id already handled (redelivery), or already acknowledged.</summary>
    Duplicate,

    /// <summary>Addressed to another control room.</summary>
    NotForThisRoom,
}
