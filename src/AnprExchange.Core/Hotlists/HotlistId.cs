namespace AnprExchange.Core.Hotlists;

/// <summary>A hotlist is named by the country that publishes it and its list name ("NL", "stolen").</summary>
public readonly record struct HotlistId(string SourceCountry, string List)
{
    public override string ToString() => $"{SourceCountry}/{List}";
}
