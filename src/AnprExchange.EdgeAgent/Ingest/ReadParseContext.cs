namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>What the parser needs besides the line: the clock reading for this batch, the allowed skew, id source.</summary>
public readonly struct ReadParseContext(DateTimeOffset now, TimeSpan maxFutureSkew, ReadIdGenerator ids)
{
    public DateTimeOffset Now { get; } = now;
    public TimeSpan MaxFutureSkew { get; } = maxFutureSkew;
    public ReadIdGenerator Ids { get; } = ids;
}
