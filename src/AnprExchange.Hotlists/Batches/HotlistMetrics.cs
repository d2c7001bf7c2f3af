using System.Diagnostics.Metrics;

namespace AnprExchange.Hotlists.Batches;

/// <summary>
/// Meter "AnprExchange.Hotlists": <c>anpr.hotlist.batches</c> (batches by outcome, verdict, country and list) and
/// <c>anpr.hotlist.entries.committed</c>. A rising rejected count is what an operator alerts on.
/// </summary>
public sealed class HotlistMetrics
{
    public const string MeterName = "AnprExchange.Hotlists";

    private readonly Counter<long> _batches;
    private readonly Counter<long> _entries;

    public HotlistMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _batches = meter.CreateCounter<long>("anpr.hotlist.batches", "{batch}", "Hotlist batches finished, by outcome (committed, rejected, abandoned) and verdict.");
        _entries = meter.CreateCounter<long>("anpr.hotlist.entries.committed", "{entry}", "Hotlist entries in committed batches.");
    }

    public void Record(HotlistBatchOutcome outcome)
    {
        _batches.Add(1,
            new KeyValuePair<string, object?>("outcome", outcome.Kind.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>("verdict", outcome.Verification.Verdict.ToString()),
            new KeyValuePair<string, object?>("country", outcome.Country),
            new KeyValuePair<string, object?>("list", outcome.List));
        if (outcome.Kind == HotlistBatchOutcomeKind.Committed)
        {
            _entries.Add(outcome.Entries.Count, new KeyValuePair<string, object?>("country", outcome.Country));
        }
    }
}
