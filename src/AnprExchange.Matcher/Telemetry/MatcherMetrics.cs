using System.Diagnostics.Metrics;

namespace AnprExchange.Matcher.Telemetry;

/// <summary>The matcher's counters (meter "AnprExchange.Matcher"); also read by the demo's summary.</summary>
public sealed class MatcherMetrics : IDisposable
{
    public const string MeterName = "AnprExchange.Matcher";

    private readonly Meter _meter;
    private readonly Counter<long> _reads;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _invalidReads;
    private readonly Counter<long> _batchesApplied;
    private readonly Counter<long> _batchesRejected;
    private long _readCount;
    private long _hitCount;

    public MatcherMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _reads = _meter.CreateCounter<long>("anpr.matcher.reads", description: "Reads matched against the hotlists.");
        _hits = _meter.CreateCounter<long>("anpr.matcher.hits", description: "Reads that hit at least one entry.");
        _invalidReads = _meter.CreateCounter<long>("anpr.matcher.reads.invalid", description: "Reads that could not be decoded or normalised.");
        _batchesApplied = _meter.CreateCounter<long>("anpr.matcher.hotlist.batches.applied");
        _batchesRejected = _meter.CreateCounter<long>("anpr.matcher.hotlist.batches.rejected");
    }

    public long ReadCount => Interlocked.Read(ref _readCount);

    public long HitCount => Interlocked.Read(ref _hitCount);

    public void ReadMatched(bool hit)
    {
        Interlocked.Increment(ref _readCount);
        _reads.Add(1);
        if (hit)
        {
            Interlocked.Increment(ref _hitCount);
            _hits.Add(1);
        }
    }

    public void ReadInvalid() => _invalidReads.Add(1);

    public void BatchApplied() => _batchesApplied.Add(1);

    public void BatchRejected(string reason) => _batchesRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
