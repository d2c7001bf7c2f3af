using System.Buffers.Binary;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AnprExchange.Contracts.Avro;

/// <summary>
/// Avro binary decoding over a span, bounds-checked: every length and count is checked against the bytes that are
/// left before anything is allocated, so truncated or hostile data ends in an <see cref="AvroContractException"/>
/// (never IndexOutOfRange, a hang or an out-of-memory). Field names are only used in error messages.
/// </summary>
internal ref struct AvroReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> _data;
    private readonly string _record;
    private int _position;

    public AvroReader(ReadOnlySpan<byte> data, string record)
    {
        _data = data;
        _record = record;
    }

    public readonly int Remaining => _data.Length - _position;

    public readonly int Position => _position;

    public long ReadLong(string field)
    {
        ulong value = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _data.Length)
            {
                ThrowTruncated(field, "varint");
            }
            var b = _data[_position++];
            if (shift == 63 && b > 1)
            {
                break;
            }
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (long)(value >> 1) ^ -(long)(value & 1);
            }
        }
        throw Malformed(field, "varint longer than 64 bits");
    }

    public int ReadInt(string field)
    {
        var value = ReadLong(field);
        if (value is < int.MinValue or > int.MaxValue)
        {
            ThrowMalformed(field, "int value out of range", value);
        }
        return (int)value;
    }

    public bool ReadBoolean(string field)
    {
        var b = Take(field, 1, "boolean")[0];
        if (b > 1)
        {
            ThrowMalformed(field, "boolean byte is neither 0 nor 1", b);
        }
        return b == 1;
    }

    public double ReadDouble(string field) => BinaryPrimitives.ReadDoubleLittleEndian(Take(field, 8, "double"));

    public float ReadFloat(string field) => BinaryPrimitives.ReadSingleLittleEndian(Take(field, 4, "float"));

    public string ReadString(string field)
    {
        var bytes = Take(field, ReadLength(field), "string");
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new AvroContractException($"{_record}: field '{field}' is not valid UTF-8 (at byte {_position - bytes.Length})", ex) { RecordName = _record };
        }
    }

    public byte[] ReadBytes(string field) => Take(field, ReadLength(field), "bytes").ToArray();

    /// <summary>Skips a string or bytes value.</summary>
    public void SkipLengthPrefixed(string field) => Take(field, ReadLength(field), "bytes");

    public void Skip(string field, int count, string what) => Take(field, count, what);

    public int ReadEnum(string field, int symbolCount)
    {
        var index = ReadInt(field);
        if ((uint)index >= (uint)symbolCount)
        {
            ThrowMalformed(field, $"enum index is not one of the {symbolCount} symbols", index);
        }
        return index;
    }

    public int ReadUnionIndex(string field, int branchCount)
    {
        var index = ReadInt(field);
        if ((uint)index >= (uint)branchCount)
        {
            ThrowMalformed(field, $"union branch is not one of the {branchCount} branches", index);
        }
        return index;
    }

    public DateTimeOffset ReadTimestamp(string field)
    {
        var millis = ReadLong(field);
        if (!AvroTime.TryFromMillis(millis, out var value))
        {
            ThrowMalformed(field, "timestamp-millis is outside the range of DateTimeOffset", millis);
        }
        return value;
    }

    public string? ReadOptionalString(string field) => ReadUnionIndex(field, 2) == 0 ? null : ReadString(field);

    public double? ReadOptionalDouble(string field) => ReadUnionIndex(field, 2) == 0 ? null : ReadDouble(field);

    public DateTimeOffset? ReadOptionalTimestamp(string field) => ReadUnionIndex(field, 2) == 0 ? null : ReadTimestamp(field);

    /// <summary>
    /// Reads an array or map block header: the item count (0 ends the array). A negative count is followed by the
    /// block's byte size, which is skipped. Each item takes at least <paramref name="minItemSize"/> bytes, so a count
    /// the remaining bytes cannot hold is rejected before any item is read.
    /// </summary>
    public int ReadBlockCount(string field, int minItemSize)
    {
        var count = ReadLong(field);
        if (count < 0)
        {
            if (count == long.MinValue)
            {
                throw Malformed(field, "block count out of range");
            }
            count = -count;
            var size = ReadLong(field);
            if (size < 0 || size > Remaining)
            {
                throw Malformed(field, $"block size {size} does not fit the {Remaining} remaining bytes");
            }
        }
        if (count > Remaining / Math.Max(1, minItemSize) && count > 0)
        {
            throw Malformed(field, $"block of {count} items cannot fit in the {Remaining} remaining bytes");
        }
        return (int)count;
    }

    /// <summary>Throws unless every byte was consumed.</summary>
    public readonly void EnsureEnd()
    {
        if (_position != _data.Length)
        {
            throw new AvroContractException($"{_record}: {_data.Length - _position} unexpected bytes after the record (body is {_data.Length} bytes)") { RecordName = _record };
        }
    }

    public readonly AvroContractException Malformed(string field, string problem) =>
        new($"{_record}: malformed field '{field}' at byte {_position}: {problem}") { RecordName = _record };

    private int ReadLength(string field)
    {
        var length = ReadLong(field);
        if (length < 0)
        {
            ThrowMalformed(field, "negative length", length);
        }
        if (length > Remaining)
        {
            ThrowTruncated(field, $"length {length}, only {Remaining} bytes left");
        }
        return (int)length;
    }

    private ReadOnlySpan<byte> Take(string field, int count, string what)
    {
        if (count > Remaining)
        {
            ThrowTruncated(field, what);
        }
        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }

    [DoesNotReturn]
    [StackTraceHidden]
    private readonly void ThrowMalformed(string field, string problem, long value) =>
        throw Malformed(field, $"{problem} (value {value})");

    [DoesNotReturn]
    [StackTraceHidden]
    private readonly void ThrowTruncated(string field, string what) =>
        throw new AvroContractException($"{_record}: data truncated in field '{field}' at byte {_position} ({what})") { RecordName = _record };
}
