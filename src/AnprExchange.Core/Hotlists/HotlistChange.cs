namespace AnprExchange.Core.Hotlists;

/// <summary>One change in a batch applied to the index: an upsert of an entry, or a delete by entry id.</summary>
public readonly record struct HotlistChange
{
    private HotlistChange(HotlistEntry? entry, HotlistId hotlist, string entryId)
    {
        Entry = entry;
        Hotlist = hotlist;
        EntryId = entryId;
    }

    /// <summary>The entry to insert or replace; null for a delete.</summary>
    public HotlistEntry? Entry { get; }
    public HotlistId Hotlist { get; }
    public string EntryId { get; }
    public bool IsDelete => Entry is null;

    public static HotlistChange Upsert(HotlistEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new HotlistChange(entry, entry.Hotlist, entry.EntryId);
    }

    public static HotlistChange Delete(string sourceCountry, string list, string entryId) =>
        new(null, new HotlistId(sourceCountry, list), entryId);
}
