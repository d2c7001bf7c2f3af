namespace AnprExchange.Contracts.Avro;

/// <summary>
/// The one exception an <see cref="AvroCodec{T}"/> throws for data it cannot decode (wrong magic bytes, unknown
/// writer schema, truncated or malformed body) or a value it cannot encode. The message names the record type.
/// </summary>
public sealed class AvroContractException : Exception
{
    public AvroContractException()
    {
    }

    public AvroContractException(string message)
        : base(message)
    {
    }

    public AvroContractException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The Avro record name (e.g. "PlateRead"), or "" when not known.</summary>
    public string RecordName { get; init; } = "";
}
