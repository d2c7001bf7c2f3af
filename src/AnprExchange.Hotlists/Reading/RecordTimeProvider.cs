namespace AnprExchange.Hotlists.Reading;

/// <summary>
/// A clock that reads the timestamp of the record being fed, so an assembler fed from history stamps a commit with
/// the time the broker took the manifest, and judges abandonment by record times, not by how fast we read.
/// </summary>
internal sealed class RecordTimeProvider(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
