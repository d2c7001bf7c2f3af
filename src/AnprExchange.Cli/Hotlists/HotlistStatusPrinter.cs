using System.Globalization;
using AnprExchange.Hotlists.Reading;

namespace AnprExchange.Cli.Hotlists;

/// <summary>Prints what `anpr hotlist status` found: per list the version in force, then every batch not applied and why.</summary>
internal static class HotlistStatusPrinter
{
    public static void Print(HotlistTopicSummary summary, bool verified, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"read {summary.RecordsRead:N0} records from {summary.Partitions} partitions{(verified ? "" : "; signatures NOT verified (no --trusted-keys)")}"));
        foreach (var topic in summary.MissingTopics)
        {
            output.WriteLine($"{topic}: no such topic");
        }
        if (verified)
        {
            PrintInForce(summary, output);
        }
        else
        {
            PrintUnverified(summary, output);
        }
        if (summary.PendingBatches > 0)
        {
            output.WriteLine($"{summary.PendingBatches} batch(es) incomplete at the end of the topic (a push in progress, or records lost)");
        }
    }

    private static void PrintInForce(HotlistTopicSummary summary, TextWriter output)
    {
        if (summary.Lists.Count == 0)
        {
            output.WriteLine("no list in force");
        }
        foreach (var list in summary.Lists)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{list.Country}/{list.List}  version {list.Version}  {list.EntryCount:N0} entries  last {list.LastMode.ToString().ToLowerInvariant()} push created {list.CreatedAt:yyyy-MM-ddTHH:mm:ss.fffZ}, committed {list.CommittedAt:yyyy-MM-ddTHH:mm:ss.fffZ}  signed by {list.SignerKeyId}  ocr tolerance {list.OcrTolerance}"));
        }
        foreach (var outcome in summary.NotApplied)
        {
            var version = outcome.Manifest?.Version.ToString(CultureInfo.InvariantCulture) ?? "?";
            output.WriteLine($"  {outcome.Kind.ToString().ToLowerInvariant()}: {outcome.Country}/{outcome.List} version {version} batch {outcome.BatchId}: {outcome.Verification}");
        }
    }

    private static void PrintUnverified(HotlistTopicSummary summary, TextWriter output)
    {
        if (summary.LatestManifests.Count == 0)
        {
            output.WriteLine("no manifest on the topics");
        }
        foreach (var manifest in summary.LatestManifests)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{manifest.Country}/{manifest.List}  latest manifest version {manifest.Version}  {manifest.Mode.ToString().ToLowerInvariant()}, {manifest.EntryCount:N0} entries  created {manifest.CreatedAt:yyyy-MM-ddTHH:mm:ss.fffZ}  signer {manifest.SignerKeyId} (unverified)"));
        }
    }
}
