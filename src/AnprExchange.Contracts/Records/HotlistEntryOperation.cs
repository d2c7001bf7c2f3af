namespace AnprExchange.Contracts.Records;

/// <summary>What a hotlist entry record does to the list when its batch commits.</summary>
public enum HotlistEntryOperation
{
    Upsert,
    Delete,
}
