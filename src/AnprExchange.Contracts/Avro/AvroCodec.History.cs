using Avro;
using Avro.Generic;
using Avro.IO;

namespace AnprExchange.Contracts.Avro;

/// <summary>Decoding data written with an older schema: validate, resolve to the current schema, map.</summary>
public sealed partial class AvroCodec<T>
{
    private T DecodeHistoric(HistoricSchema historic, ReadOnlySpan<byte> body)
    {
        // Bounds-check the whole body first: Apache.Avro's reader trusts length prefixes.
        AvroBodyValidator.Validate(historic.WriterSchema, body, RecordName);
        byte[] current;
        try
        {
            current = historic.ResolveToCurrent(body);
        }
        catch (Exception ex) when (ex is not AvroContractException)
        {
            throw Error($"cannot resolve data of writer schema {historic.Fingerprint:X16} to the current schema: {ex.Message}", ex);
        }
        return ReadBody(current);
    }

    /// <summary>An older writer schema with Apache.Avro's resolving reader (writer → current) and a current-schema writer.</summary>
    private sealed class HistoricSchema
    {
        private readonly Lock _gate = new();
        private readonly GenericDatumReader<GenericRecord> _reader;
        private readonly GenericDatumWriter<GenericRecord> _writer;

        public HistoricSchema(RecordSchema writerSchema, RecordSchema currentSchema)
        {
            WriterSchema = writerSchema;
            Fingerprint = SchemaNormalization.ParsingFingerprint64(writerSchema);
            _reader = new GenericDatumReader<GenericRecord>(writerSchema, currentSchema);
            _writer = new GenericDatumWriter<GenericRecord>(currentSchema);
        }

        public RecordSchema WriterSchema { get; }

        public long Fingerprint { get; }

        /// <summary>The body re-encoded in the current schema, new fields filled with their defaults.</summary>
        public byte[] ResolveToCurrent(ReadOnlySpan<byte> body)
        {
            using var input = new MemoryStream(body.ToArray(), writable: false);
            using var output = new MemoryStream(body.Length + 64);
            lock (_gate)
            {
                var record = _reader.Read(reuse: null!, new BinaryDecoder(input));
                _writer.Write(record, new BinaryEncoder(output));
            }
            return output.ToArray();
        }
    }
}
