namespace AnprExchange.Core.Hotlists;

/// <summary>What the control room is asked to do on a hit (design.md, hotlist CSV `action`). Append only.</summary>
public enum HotlistAction : byte
{
    Observe,
    Check,
    Stop,
    Seize,
}
