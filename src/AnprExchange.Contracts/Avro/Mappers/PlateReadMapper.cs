using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Avro.Mappers;

/// <summary><see cref="PlateRead"/> ↔ schemas/PlateRead.avsc, fields in schema order.</summary>
internal sealed class PlateReadMapper : IAvroRecordMapper<PlateRead>
{
    public string RecordName => "PlateRead";

    public void Write(AvroWriter writer, PlateRead value)
    {
        writer.WriteString("readId", value.ReadId);
        writer.WriteString("cameraId", value.CameraId);
        writer.WriteTimestamp(value.Timestamp);
        writer.WriteString("plate", value.Plate);
        writer.WriteOptionalString("country", value.Country);
        writer.WriteOptionalDouble(value.Confidence);
        writer.WriteOptionalDouble(value.Lat);
        writer.WriteOptionalDouble(value.Lon);
        writer.WriteOptionalString("direction", value.Direction);
        writer.WriteOptionalTimestamp(value.IngestedAt);
    }

    public PlateRead Read(ref AvroReader reader) => new()
    {
        ReadId = reader.ReadString("readId"),
        CameraId = reader.ReadString("cameraId"),
        Timestamp = reader.ReadTimestamp("timestamp"),
        Plate = reader.ReadString("plate"),
        Country = reader.ReadOptionalString("country"),
        Confidence = reader.ReadOptionalDouble("confidence"),
        Lat = reader.ReadOptionalDouble("lat"),
        Lon = reader.ReadOptionalDouble("lon"),
        Direction = reader.ReadOptionalString("direction"),
        IngestedAt = reader.ReadOptionalTimestamp("ingestedAt"),
    };
}
