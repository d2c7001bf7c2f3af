namespace AnprExchange.Hotlists.Publishing;

/// <summary>
/// List versions must grow with every push. Unix milliseconds of the push time do, without reading the topic for the
/// current version, as long as pushes to one list are more than a millisecond apart and the clock does not go back.
/// </summary>
public static class HotlistVersions
{
    public static long FromClock(TimeProvider time) => time.GetUtcNow().ToUnixTimeMilliseconds();
}
