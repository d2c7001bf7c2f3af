namespace AnprExchange.ControlRoom.Alerts;

/// <summary>What happened to the open list: an alert was added or updated (<see cref="Alert"/> set) or left it.</summary>
public readonly record struct OpenAlertChange(OpenAlertChangeKind Kind, string AlertId, OpenAlert? Alert);

public enum OpenAlertChangeKind
{
    Upserted,
    Removed,
}
