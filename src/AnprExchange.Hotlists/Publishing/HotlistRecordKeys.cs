namespace AnprExchange.Hotlists.Publishing;

/// <summary>
/// Kafka keys on anpr.hotlist.&lt;cc&gt;. One topic carries every list of a country, so an entry is keyed
/// "&lt;list&gt;/&lt;entryId&gt;" (list names cannot hold '/' or '#'), and a manifest "&lt;list&gt;#manifest/&lt;batchId&gt;",
/// a key no entry can have.
/// </summary>
public static class HotlistRecordKeys
{
    public static string Entry(string list, string entryId) => $"{list}/{entryId}";

    public static string Manifest(string list, string batchId) => $"{list}#manifest/{batchId}";
}
