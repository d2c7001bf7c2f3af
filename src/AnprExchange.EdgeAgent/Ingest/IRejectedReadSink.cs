namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>Where rejected input goes (the rejected topic); must not block ingest.</summary>
public interface IRejectedReadSink
{
    /// <summary>Records a rejection; <paramref name="raw"/> is only valid during the call.</summary>
    void Reject(string source, ReadRejection reason, ReadOnlySpan<byte> raw);
}
