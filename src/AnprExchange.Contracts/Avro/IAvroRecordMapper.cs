namespace AnprExchange.Contracts.Avro;

/// <summary>
/// Hand mapping between a C# record and its current Avro schema (schemas/&lt;RecordName&gt;.avsc): writes and reads
/// the fields in schema order. The round-trip tests check each mapper against the schema through Apache.Avro's
/// generic reader and writer, so a mapper that drifts from its schema fails the build's tests.
/// </summary>
internal interface IAvroRecordMapper<T>
{
    /// <summary>The Avro record name, also the schema file name.</summary>
    string RecordName { get; }

    void Write(AvroWriter writer, T value);

    T Read(ref AvroReader reader);
}
