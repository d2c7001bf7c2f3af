namespace AnprExchange.Cli.Demo;

/// <summary>What the demo measured; <see cref="Lost"/> decides the exit code.</summary>
internal sealed record DemoSummary(
    long ReadsProduced, TimeSpan CameraTime, long ReadsMatched, long ReadsHit, int Planted, int PlantedDelivered, int AlertsDelivered,
    int Duplicated, int Unexpected, double LatencyP50Ms, double LatencyP99Ms, TimeSpan Elapsed)
{
    public int Lost => Planted - PlantedDelivered;

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("AnprExchange demo summary");
        output.WriteLine($"  reads produced        {ReadsProduced,10:N0}   ({ReadsProduced / Math.Max(CameraTime.TotalSeconds, 1):N0}/s for {CameraTime.TotalSeconds:N0} s)");
        output.WriteLine($"  reads matched         {ReadsMatched,10:N0}");
        output.WriteLine($"  reads that hit        {ReadsHit,10:N0}");
        output.WriteLine($"  planted hits          {Planted,10:N0}");
        output.WriteLine($"  alerts delivered      {AlertsDelivered,10:N0}   (planted delivered {PlantedDelivered:N0}, unexpected {Unexpected:N0})");
        output.WriteLine($"  lost                  {Lost,10:N0}");
        output.WriteLine($"  duplicated            {Duplicated,10:N0}");
        output.WriteLine($"  read->alert latency   p50 {LatencyP50Ms:N1} ms, p99 {LatencyP99Ms:N1} ms");
        output.WriteLine(Lost == 0 ? "  result                OK: every planted hit reached the control room" : $"  result                FAILED: {Lost} planted hits were lost");
    }

    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
