using System.Buffers;
using Avro;

namespace AnprExchange.Contracts.Avro;

/// <summary>
/// Encodes and decodes one record type in Avro single-object encoding (layout in <see cref="SingleObjectEncoding"/>):
/// <c>C3 01</c>, the 8-byte little-endian CRC-64-AVRO fingerprint of the writer schema, then the Avro binary body.
/// Encoding always uses the current schema (schemas/&lt;Name&gt;.avsc). Decoding reads data of the current schema
/// directly and resolves data written with an older schema (schemas/history) to the current one by Avro schema
/// resolution. Everything that cannot be decoded throws <see cref="AvroContractException"/>. Thread-safe.
/// </summary>
public sealed partial class AvroCodec<T>
    where T : class
{
    private readonly IAvroRecordMapper<T> _mapper;
    private readonly Dictionary<long, HistoricSchema> _history;

    internal AvroCodec(IAvroRecordMapper<T> mapper)
    {
        _mapper = mapper;
        RecordName = mapper.RecordName;
        Schema = SchemaCatalog.Current(RecordName);
        Fingerprint = SchemaNormalization.ParsingFingerprint64(Schema);
        _history = SchemaCatalog.History(RecordName)
            .Select(schema => new HistoricSchema(schema, Schema))
            .Where(h => h.Fingerprint != Fingerprint)
            .ToDictionary(h => h.Fingerprint);
    }

    /// <summary>The Avro record name, e.g. "PlateRead".</summary>
    public string RecordName { get; }

    /// <summary>The current (writer and reader) schema.</summary>
    public RecordSchema Schema { get; }

    /// <summary>CRC-64-AVRO fingerprint of <see cref="Schema"/>, bytes 2..9 of every message this codec writes.</summary>
    public long Fingerprint { get; }

    /// <summary>Fingerprints of the older schemas this codec can still read.</summary>
    public IReadOnlyCollection<long> HistoricFingerprints => _history.Keys;

    /// <summary>
    /// True when <paramref name="data"/> has the single-object header with a fingerprint this codec reads (current or
    /// history); tells record types apart on a topic that carries several. Does not check the body.
    /// </summary>
    public bool Recognizes(ReadOnlySpan<byte> data) =>
        SingleObjectEncoding.TryReadHeader(data, out var fingerprint) && (fingerprint == Fingerprint || _history.ContainsKey(fingerprint));

    public byte[] Encode(T value)
    {
        var writer = WriteMessage(value);
        try
        {
            return writer.Written.ToArray();
        }
        finally
        {
            AvroWriter.Return(writer);
        }
    }

    /// <summary>Encodes into <paramref name="output"/>, allocation-free once the thread's buffer has grown.</summary>
    public void Encode(T value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = WriteMessage(value);
        try
        {
            output.Write(writer.Written);
        }
        finally
        {
            AvroWriter.Return(writer);
        }
    }

    public T Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < SingleObjectEncoding.HeaderLength)
        {
            throw Error($"message of {data.Length} bytes is shorter than the {SingleObjectEncoding.HeaderLength}-byte single-object header");
        }
        if (!SingleObjectEncoding.TryReadHeader(data, out var fingerprint))
        {
            throw Error($"wrong magic bytes {data[0]:X2} {data[1]:X2}, expected C3 01 (Avro single-object encoding)");
        }
        var body = data[SingleObjectEncoding.HeaderLength..];
        if (fingerprint == Fingerprint)
        {
            return ReadBody(body);
        }
        if (_history.TryGetValue(fingerprint, out var historic))
        {
            return DecodeHistoric(historic, body);
        }
        throw Error($"unknown writer schema fingerprint {fingerprint:X16}; this reader knows {DescribeKnown()}");
    }

    private AvroWriter WriteMessage(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var writer = AvroWriter.Rent(RecordName);
        try
        {
            writer.WriteHeader(Fingerprint);
            _mapper.Write(writer, value);
            return writer;
        }
        catch
        {
            AvroWriter.Return(writer);
            throw;
        }
    }

    private T ReadBody(ReadOnlySpan<byte> body)
    {
        var reader = new AvroReader(body, RecordName);
        T value;
        try
        {
            value = _mapper.Read(ref reader);
        }
        catch (Exception ex) when (ex is not AvroContractException)
        {
            throw Error($"cannot map the body to {typeof(T).Name}: {ex.Message}", ex);
        }
        reader.EnsureEnd();
        return value;
    }

    private string DescribeKnown() =>
        string.Join(", ", new[] { $"{Fingerprint:X16} (current)" }.Concat(_history.Keys.Select(k => $"{k:X16}")));

    private AvroContractException Error(string problem, Exception? inner = null)
    {
        var message = $"{RecordName}: {problem}";
        return inner is null
            ? new AvroContractException(message) { RecordName = RecordName }
            : new AvroContractException(message, inner) { RecordName = RecordName };
    }
}
