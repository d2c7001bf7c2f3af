using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Records one connection stages outside the spool's lock, appended together by <see cref="ReadSpool.Append"/>: one
/// lock per batch instead of per read, and each record is parsed in place instead of copied from a scratch buffer.
/// Layout: the records back to back as they go to disk, [16-byte header][payload]; the length is written when staged,
/// sequence and CRC when appended. Room is reserved against the disk bound as records are staged (64 KiB at a time),
/// so an append never runs out of space and a read's reply can be written as soon as it is staged. Not thread-safe:
/// one per connection.
/// </summary>
public sealed class SpoolBatch
{
    private const int ReserveChunk = 64 * 1024;

    private readonly ReadSpool _spool;
    private readonly int _minimumCapacity;
    private byte[] _buffer;
    private int _length;
    private long _reserved; // room reserved in the spool since the last append; _length of it is used

    public SpoolBatch(ReadSpool spool, int capacity = 256 * 1024)
    {
        _spool = spool;
        _minimumCapacity = Math.Max(capacity, SpoolRecordFormat.HeaderLength + SpoolRecordFormat.MaxPayloadLength);
        _buffer = new byte[_minimumCapacity];
    }

    /// <summary>Records staged and not yet appended.</summary>
    public int Count { get; private set; }

    /// <summary>True if a payload of up to <paramref name="payloadLength"/> bytes fits (else append the batch first).</summary>
    public bool HasRoom(int payloadLength) => _length + SpoolRecordFormat.HeaderLength + payloadLength <= _buffer.Length;

    /// <summary>Where the next payload is written before <see cref="TryStage"/>; valid until the batch is appended.</summary>
    public Span<byte> PayloadSpace => _buffer.AsSpan(_length + SpoolRecordFormat.HeaderLength);

    internal Span<byte> Records => _buffer.AsSpan(0, _length);

    /// <summary>Stages the payload written into <see cref="PayloadSpace"/>; false, staging nothing, when the spool is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryStage(int payloadLength)
    {
        if ((uint)(payloadLength - 1) >= SpoolRecordFormat.MaxPayloadLength || !HasRoom(payloadLength))
        {
            ThrowOutOfRange(payloadLength);
        }
        var recordLength = SpoolRecordFormat.HeaderLength + payloadLength;
        if (_reserved - _length < recordLength && !TryReserve(recordLength))
        {
            return false;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), (uint)payloadLength);
        _length += recordLength;
        Count++;
        return true;
    }

    /// <summary>Reserves room for at least <paramref name="recordLength"/> more bytes, 64 KiB at a time when that fits.</summary>
    private bool TryReserve(int recordLength)
    {
        // Near the bound a whole chunk may not fit while this record does.
        var chunk = Math.Max(ReserveChunk, recordLength);
        if (_spool.TryReserve(chunk))
        {
            _reserved += chunk;
            return true;
        }
        if (_spool.TryReserve(recordLength))
        {
            _reserved += recordLength;
            return true;
        }
        return false;
    }

    [DoesNotReturn]
    private static void ThrowOutOfRange(int payloadLength) =>
        throw new ArgumentOutOfRangeException(nameof(payloadLength), payloadLength, "A spool record holds 1 byte to 64 KB, within the batch.");

    /// <summary>
    /// Gives the spool this batch's buffer, records and all, for a free buffer of the spool's (a new one if there is
    /// none or it is smaller than this batch's capacity); the append then resets the batch.
    /// </summary>
    internal byte[] Exchange(byte[]? buffer)
    {
        var records = _buffer;
        _buffer = buffer is not null && buffer.Length >= _minimumCapacity ? buffer : new byte[_minimumCapacity];
        return records;
    }

    /// <summary>After an append: empty again; returns all the room this batch reserved (used or not), to hand back.</summary>
    internal long Reset()
    {
        var reserved = _reserved;
        _reserved = 0;
        _length = 0;
        Count = 0;
        return reserved;
    }
}
