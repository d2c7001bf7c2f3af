using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using Avro;
using Avro.Generic;
using Avro.IO;

namespace AnprExchange.Contracts.Tests.Avro;

/// <summary>Messages as an older writer would produce them, made with Apache.Avro's generic writer and a history schema.</summary>
internal static class HistoricMessages
{
    public static readonly RecordSchema PlateReadV1Schema = SchemaCatalog.History("PlateRead").Single();

    public static readonly long PlateReadV1Fingerprint = SchemaNormalization.ParsingFingerprint64(PlateReadV1Schema);

    public static byte[] PlateReadV1(PlateRead read)
    {
        var record = new GenericRecord(PlateReadV1Schema);
        record.Add("readId", read.ReadId);
        record.Add("cameraId", read.CameraId);
        record.Add("timestamp", read.Timestamp.UtcDateTime);
        record.Add("plate", read.Plate);
        record.Add("country", read.Country);
        record.Add("confidence", read.Confidence);
        record.Add("lat", read.Lat);
        record.Add("lon", read.Lon);
        record.Add("direction", read.Direction);
        return Frame(PlateReadV1Fingerprint, GenericBody(PlateReadV1Schema, record));
    }

    public static byte[] GenericBody(Schema schema, GenericRecord record)
    {
        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    public static GenericRecord ReadGeneric(Schema writer, Schema reader, ReadOnlySpan<byte> body)
    {
        using var stream = new MemoryStream(body.ToArray());
        var record = new GenericDatumReader<GenericRecord>(writer, reader).Read(null!, new BinaryDecoder(stream));
        Assert.Equal(stream.Length, stream.Position);
        return record;
    }

    public static byte[] Frame(long fingerprint, ReadOnlySpan<byte> body)
    {
        var message = new byte[SingleObjectEncoding.HeaderLength + body.Length];
        SingleObjectEncoding.WriteHeader(message, fingerprint);
        body.CopyTo(message.AsSpan(SingleObjectEncoding.HeaderLength));
        return message;
    }
}
