using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Avro.Mappers;

/// <summary><see cref="RejectedInput"/> ↔ schemas/RejectedInput.avsc, fields in schema order.</summary>
internal sealed class RejectedInputMapper : IAvroRecordMapper<RejectedInput>
{
    public string RecordName => "RejectedInput";

    public void Write(AvroWriter writer, RejectedInput value)
    {
        writer.WriteString("source", value.Source);
        writer.WriteString("reason", value.Reason);
        writer.WriteBytes("raw", value.Raw);
        writer.WriteBoolean(value.RawTruncated);
        writer.WriteTimestamp(value.ReceivedAt);
        writer.WriteOptionalString("cameraId", value.CameraId);
    }

    public RejectedInput Read(ref AvroReader reader) => new()
    {
        Source = reader.ReadString("source"),
        Reason = reader.ReadString("reason"),
        Raw = reader.ReadBytes("raw"),
        RawTruncated = reader.ReadBoolean("rawTruncated"),
        ReceivedAt = reader.ReadTimestamp("receivedAt"),
        CameraId = reader.ReadOptionalString("cameraId"),
    };
}
