using System.Text.Json;
using System.Text.Json.Serialization;

namespace AnprExchange.Contracts.Audit;

/// <summary>
/// Wire format of the audit topic for now: one UTF-8 JSON object per record, camelCase, nulls omitted, keyed by
/// control room. (An Avro schema would belong to the contracts owner; see the control room README.)
/// </summary>
public static class AuditRecordJson
{
    public static byte[] Serialize(AuditRecord record) =>
        JsonSerializer.SerializeToUtf8Bytes(record, AuditJsonContext.Default.AuditRecord);

    public static AuditRecord Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, AuditJsonContext.Default.AuditRecord)
        ?? throw new JsonException("null audit record");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AuditRecord))]
internal sealed partial class AuditJsonContext : JsonSerializerContext;
