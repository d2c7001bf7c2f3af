using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Avro.Mappers;

/// <summary><see cref="AlertAcknowledgement"/> ↔ schemas/AlertAcknowledgement.avsc, fields in schema order.</summary>
internal sealed class AlertAcknowledgementMapper : IAvroRecordMapper<AlertAcknowledgement>
{
    public string RecordName => "AlertAcknowledgement";

    public void Write(AvroWriter writer, AlertAcknowledgement value)
    {
        writer.WriteString("alertId", value.AlertId);
        writer.WriteString("controlRoom", value.ControlRoom);
        writer.WriteString("operator", value.Operator);
        writer.WriteEnum("outcome", (int)value.Outcome, EnumSymbols<AlertOutcome>.Count);
        writer.WriteTimestamp(value.AcknowledgedAt);
        writer.WriteOptionalString("remarks", value.Remarks);
    }

    public AlertAcknowledgement Read(ref AvroReader reader) => new()
    {
        AlertId = reader.ReadString("alertId"),
        ControlRoom = reader.ReadString("controlRoom"),
        Operator = reader.ReadString("operator"),
        Outcome = (AlertOutcome)reader.ReadEnum("outcome", EnumSymbols<AlertOutcome>.Count),
        AcknowledgedAt = reader.ReadTimestamp("acknowledgedAt"),
        Remarks = reader.ReadOptionalString("remarks"),
    };
}
