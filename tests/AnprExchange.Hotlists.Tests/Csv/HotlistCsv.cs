using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Csv;

namespace AnprExchange.Hotlists.Tests.Csv;

/// <summary>Reads CSV text written in a test.</summary>
internal static class HotlistCsv
{
    public const string Header = "entry_id,plate,category,action";

    public static HotlistCsvResult Read(string text, HotlistPushMode? mode = null) =>
        HotlistCsvReader.Read(new StringReader(text), "BE", "stolen", new HotlistCsvReadOptions { Mode = mode });

    public static HotlistCsvResult Lines(params string[] lines) => Read(string.Join("\n", lines) + "\n");
}
