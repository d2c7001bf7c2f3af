using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace AnprExchange.Hotlists.Signing;

/// <summary>
/// The byte form that digests and signatures are computed over. Independent of the Avro schema, so adding an
/// optional field to the wire format does not break verification of batches signed before. All integers are
/// big-endian; a string is its UTF-8 byte length (int32) then the bytes; an optional value is a presence byte
/// (0 or 1) then the value; a timestamp is Unix milliseconds (int64), the precision of the Avro timestamp-millis
/// on the wire; an enum is its numeric value as one byte (the enums are append-only).
/// </summary>
internal sealed class CanonicalWriter(ArrayBufferWriter<byte> buffer)
{
    public void String(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        Int32(length);
        var written = Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(written);
    }

    public void OptionalString(string? value)
    {
        Byte(value is null ? (byte)0 : (byte)1);
        if (value is not null)
        {
            String(value);
        }
    }

    public void Bytes(ReadOnlySpan<byte> value)
    {
        Int32(value.Length);
        buffer.Write(value);
    }

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    public void Byte(byte value)
    {
        buffer.GetSpan(1)[0] = value;
        buffer.Advance(1);
    }

    public void Boolean(bool value) => Byte(value ? (byte)1 : (byte)0);

    public void Timestamp(DateTimeOffset value) => Int64(value.ToUnixTimeMilliseconds());

    public void OptionalTimestamp(DateTimeOffset? value)
    {
        Byte(value is null ? (byte)0 : (byte)1);
        if (value is { } v)
        {
            Timestamp(v);
        }
    }
}
