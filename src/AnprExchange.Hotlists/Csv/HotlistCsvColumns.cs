namespace AnprExchange.Hotlists.Csv;

/// <summary>
/// Column names of the hotlist CSV (design.md "Hotlist CSV"). Header names are matched case-insensitively.
/// <c>op</c> is our extension for delta pushes: <c>upsert</c> (default when empty or absent) or <c>delete</c>;
/// a delete row needs only <c>entry_id</c>, its other columns are ignored.
/// </summary>
public static class HotlistCsvColumns
{
    public const string Op = "op";
    public const string EntryId = "entry_id";
    public const string Plate = "plate";
    public const string PlateCountry = "plate_country";
    public const string Category = "category";
    public const string Action = "action";
    public const string Priority = "priority";
    public const string ValidFrom = "valid_from";
    public const string ValidUntil = "valid_until";
    public const string Covert = "covert";
    public const string Reference = "reference";
    public const string Remarks = "remarks";

    /// <summary>Every known column, in the order export writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Op, EntryId, Plate, PlateCountry, Category, Action, Priority, ValidFrom, ValidUntil, Covert, Reference, Remarks];

    /// <summary>Columns the header must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [EntryId, Plate, Category, Action];
}
