namespace AnprExchange.Hotlists.Csv;

/// <summary>
/// Where each known column sits in the file (-1 when absent), read from the header row. Unknown, duplicate and
/// unnamed columns are errors: a misspelt optional column (say "valid_untill") would otherwise drop data silently.
/// </summary>
internal sealed class HotlistCsvHeader
{
    private readonly Dictionary<string, int> _indexes = new(StringComparer.OrdinalIgnoreCase);
    private readonly string[] _names;

    public int FieldCount => _names.Length;

    private HotlistCsvHeader(string[] names) => _names = names;

    /// <summary>The column name at <paramref name="index"/> as written in the header (or "#n" when unnamed).</summary>
    public string NameAt(int index) => _names[index];

    public int IndexOf(string column) => _indexes.TryGetValue(column, out var index) ? index : -1;

    public bool Has(string column) => _indexes.ContainsKey(column);

    public static HotlistCsvHeader Parse(string[] fields, int line, List<HotlistCsvError> errors)
    {
        var header = new HotlistCsvHeader(new string[fields.Length]);
        var known = new HashSet<string>(HotlistCsvColumns.All, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Length; i++)
        {
            var name = fields[i].Trim();
            if (i == 0)
            {
                name = name.TrimStart('\uFEFF');
            }
            header._names[i] = name.Length == 0 ? $"#{i + 1}" : name;
            if (name.Length == 0)
            {
                errors.Add(new HotlistCsvError(line, $"#{i + 1}", "column has no name in the header"));
            }
            else if (!known.Contains(name))
            {
                errors.Add(new HotlistCsvError(line, name,
                    $"unknown column '{name}'; known columns: {string.Join(", ", HotlistCsvColumns.All)}"));
            }
            else if (!header._indexes.TryAdd(name, i))
            {
                errors.Add(new HotlistCsvError(line, name, $"column '{name}' appears more than once in the header"));
            }
        }
        foreach (var required in HotlistCsvColumns.Required)
        {
            if (!header.Has(required))
            {
                errors.Add(new HotlistCsvError(line, required, $"required column '{required}' is missing from the header"));
            }
        }
        return header;
    }
}
