namespace AnprExchange.Contracts.Records;

/// <summary>Full replaces the list (absent entries stop matching); Delta adds, updates and deletes.</summary>
public enum HotlistPushMode
{
    Full,
    Delta,
}
