namespace AnprExchange.Hotlists.Publishing;

/// <summary>
/// Kafka keys on anpr.hotlist.&lt;cc&gt;. One topic carries every list of a country, so an entry is keyed
/// "&lt;list&gt;/&lt;entryId&gt;" (list names cannot hold '/' or '#'), and every manifest of a list "&lt;list&gt;#manifest",
/// a key no entry can have. One key per list puts a list's manifests on one partition in publish order, which is
/// the order the assembler releases its batches in (so delta v2 applies before v3 whatever the entries do).
/// </summary>
public static class HotlistRecordKeys
{
    public static string Entry(string list, string entryId) => $"{list}/{entryId}";

    public static string Manifest(string list) => $"{list}#manifest";
}
