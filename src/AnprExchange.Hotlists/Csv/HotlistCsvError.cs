namespace AnprExchange.Hotlists.Csv;

/// <summary>
/// One problem in a hotlist CSV file. <see cref="Line"/> is the physical line of the file where the row starts
/// (1 = the header, unless blank lines precede it); <see cref="Column"/> is the column name as in the header, or empty for a problem with the whole row.
/// </summary>
public sealed record HotlistCsvError(int Line, string Column, string Message)
{
    public override string ToString() =>
        Column.Length == 0 ? $"line {Line}: {Message}" : $"line {Line}, column {Column}: {Message}";
}
