using System.Diagnostics.Metrics;
using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Hotlists.Tests.Batches;

public sealed class HotlistMetricsTests
{
    [Fact]
    public void RejectedBatchesAreCountedWithTheirVerdict()
    {
        using var factory = new TestMeterFactory();
        var metrics = new HotlistMetrics(factory);
        var seen = new List<(string Instrument, long Value, string? Outcome, string? Verdict)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == HotlistMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var byName = tags.ToArray().ToDictionary(t => t.Key, t => t.Value as string);
            seen.Add((instrument.Name, value, byName.GetValueOrDefault("outcome"), byName.GetValueOrDefault("verdict")));
        });
        listener.Start();

        metrics.Record(new HotlistBatchOutcome
        {
            Kind = HotlistBatchOutcomeKind.Rejected, BatchId = "b", Country = "NL", List = "l",
            Verification = new HotlistVerification(HotlistVerdict.BadSignature, "x"),
        });

        Assert.Equal([("anpr.hotlist.batches", 1L, "rejected", "BadSignature")], seen);
    }

    private sealed class TestMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
