using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;

namespace AnprExchange.Matcher.Indexing;

/// <summary>Applies a committed batch to the index: full mode replaces the list, delta mode upserts and deletes.</summary>
public static class HotlistBatchApplier
{
    public static void Apply(this HotlistIndex index, HotlistBatchManifest manifest, IReadOnlyList<HotlistEntryRecord> entries)
    {
        var hotlist = new HotlistId(manifest.Country, manifest.List);
        // Entries carry their own country and list, but only the manifest is signed: it decides where they go.
        if (manifest.Mode == HotlistPushMode.Full)
        {
            index.ReplaceList(hotlist, entries.Where(e => e.Operation == HotlistEntryOperation.Upsert)
                .Select(e => (e with { SourceCountry = manifest.Country, List = manifest.List }).ToIndexEntry()));
        }
        else
        {
            var changes = entries.Select(e => (e with { SourceCountry = manifest.Country, List = manifest.List }).ToIndexChange()).ToArray();
            index.Apply(changes);
        }
        index.SetOcrTolerance(hotlist, manifest.OcrTolerance);
    }
}
