namespace AnprExchange.Contracts.Avro;

/// <summary>timestamp-millis: milliseconds since the Unix epoch, UTC. Sub-millisecond parts are dropped on the wire.</summary>
internal static class AvroTime
{
    public static readonly long MinMillis = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    public static readonly long MaxMillis = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static long ToMillis(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static bool TryFromMillis(long millis, out DateTimeOffset value)
    {
        if (millis < MinMillis || millis > MaxMillis)
        {
            value = default;
            return false;
        }
        value = DateTimeOffset.FromUnixTimeMilliseconds(millis);
        return true;
    }
}
