using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace AnprExchange.Contracts.Avro;

/// <summary>
/// Avro binary encoding (spec "Binary Encoding") into a growable buffer reused per thread: varint zig-zag ints and
/// longs, little-endian doubles, length-prefixed UTF-8 strings and bytes, union branch indexes, enum indexes.
/// Field names are only used in error messages.
/// </summary>
internal sealed class AvroWriter
{
    private const int InitialSize = 512;
    private const int MaxRetainedSize = 64 * 1024;

    [ThreadStatic]
    private static AvroWriter? t_cached;

    private byte[] _buffer = new byte[InitialSize];
    private int _length;
    private string _record = "";

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>A cleared writer for this thread; give it back with <see cref="Return"/>.</summary>
    public static AvroWriter Rent(string record)
    {
        var writer = t_cached ?? new AvroWriter();
        t_cached = null;
        writer._length = 0;
        writer._record = record;
        return writer;
    }

    public static void Return(AvroWriter writer)
    {
        if (writer._buffer.Length <= MaxRetainedSize)
        {
            t_cached = writer;
        }
    }

    public void WriteHeader(long fingerprint)
    {
        SingleObjectEncoding.WriteHeader(Reserve(SingleObjectEncoding.HeaderLength), fingerprint);
        _length += SingleObjectEncoding.HeaderLength;
    }

    public void WriteLong(long value)
    {
        var span = Reserve(10);
        var n = (ulong)((value << 1) ^ (value >> 63));
        var i = 0;
        while (n >= 0x80)
        {
            span[i++] = (byte)(n | 0x80);
            n >>= 7;
        }
        span[i++] = (byte)n;
        _length += i;
    }

    public void WriteInt(int value) => WriteLong(value);

    public void WriteBoolean(bool value)
    {
        Reserve(1)[0] = value ? (byte)1 : (byte)0;
        _length++;
    }

    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(Reserve(8), value);
        _length += 8;
    }

    public void WriteString(string field, string? value)
    {
        if (value is null)
        {
            ThrowNull(field);
        }
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteLong(byteCount);
        Encoding.UTF8.GetBytes(value, Reserve(byteCount));
        _length += byteCount;
    }

    public void WriteBytes(string field, byte[]? value)
    {
        if (value is null)
        {
            ThrowNull(field);
        }
        WriteLong(value.Length);
        value.CopyTo(Reserve(value.Length));
        _length += value.Length;
    }

    /// <summary>Writes the index of an enum symbol; the C# enum's values are the schema's symbol indexes.</summary>
    public void WriteEnum(string field, int index, int symbolCount)
    {
        if ((uint)index >= (uint)symbolCount)
        {
            ThrowBadEnum(field, index);
        }
        WriteInt(index);
    }

    public void WriteTimestamp(DateTimeOffset value) => WriteLong(AvroTime.ToMillis(value));

    /// <summary>["null", "string"]: branch 0 for null, 1 then the string.</summary>
    public void WriteOptionalString(string field, string? value)
    {
        if (value is null)
        {
            WriteInt(0);
            return;
        }
        WriteInt(1);
        WriteString(field, value);
    }

    public void WriteOptionalDouble(double? value)
    {
        if (value is not { } number)
        {
            WriteInt(0);
            return;
        }
        WriteInt(1);
        WriteDouble(number);
    }

    public void WriteOptionalTimestamp(DateTimeOffset? value)
    {
        if (value is not { } time)
        {
            WriteInt(0);
            return;
        }
        WriteInt(1);
        WriteTimestamp(time);
    }

    /// <summary>Starts an array of <paramref name="count"/> items as one block; end it with <see cref="WriteArrayEnd"/>.</summary>
    public void WriteArrayStart(int count)
    {
        if (count > 0)
        {
            WriteLong(count);
        }
    }

    public void WriteArrayEnd() => WriteLong(0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _length < size)
        {
            Grow(size);
        }
        return _buffer.AsSpan(_length, size);
    }

    private void Grow(int size)
    {
        var newSize = Math.Max(_buffer.Length * 2, _length + size);
        Array.Resize(ref _buffer, newSize);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowNull(string field) =>
        throw new AvroContractException($"{_record}: cannot encode, required field '{field}' is null") { RecordName = _record };

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowBadEnum(string field, int index) =>
        throw new AvroContractException($"{_record}: cannot encode, field '{field}' has enum value {index} that the schema does not define") { RecordName = _record };
}
