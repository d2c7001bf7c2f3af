namespace AnprExchange.Kafka;

/// <summary>Kafka record headers of the system. The hotlist topic carries two record kinds, told apart by <see cref="RecordKind"/>.</summary>
public static class AnprHeaders
{
    public const string RecordKind = "anpr-record";

    public static ReadOnlySpan<byte> HotlistEntry => "hotlist-entry"u8;

    public static ReadOnlySpan<byte> HotlistManifest => "hotlist-manifest"u8;
}
