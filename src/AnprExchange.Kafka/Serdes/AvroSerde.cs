using AnprExchange.Contracts.Avro;
using Confluent.Kafka;

namespace AnprExchange.Kafka;

/// <summary>
/// Confluent serializer/deserializer over an <see cref="AvroCodec{T}"/>. Wire format: Avro single-object encoding
/// (C3 01, 8-byte CRC-64-AVRO fingerprint of the writer schema, Avro binary body) — see AnprExchange.Contracts.Avro.
/// No schema registry is needed: the fingerprint names the writer schema.
/// </summary>
public sealed class AvroSerde<T> : ISerializer<T>, IDeserializer<T>
    where T : class
{
    private readonly AvroCodec<T> _codec;

    public AvroSerde(AvroCodec<T> codec) => _codec = codec;

    public byte[] Serialize(T data, SerializationContext context) => _codec.Encode(data);

    public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull)
        {
            throw new InvalidDataException($"A null {typeof(T).Name} value on topic {context.Topic} cannot be decoded.");
        }
        return _codec.Decode(data);
    }
}

public static class AvroSerde
{
    public static AvroSerde<T> For<T>(AvroCodec<T> codec)
        where T : class => new(codec);
}
