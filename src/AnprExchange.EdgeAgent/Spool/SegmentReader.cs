using Microsoft.Win32.SafeHandles;

namespace AnprExchange.EdgeAgent.Spool;

public enum SegmentReadStatus
{
    Record,
    /// <summary>No complete record before the limit; more may come later.</summary>
    End,
    /// <summary>Bytes that are not a valid record: a torn write or damage.</summary>
    Torn,
}

/// <summary>Reads the records of one segment file in order through a 256 KB buffer; positional reads, no shared state.</summary>
public sealed class SegmentReader : IDisposable
{
    private readonly byte[] _buffer = new byte[256 * 1024];
    private SafeFileHandle? _handle;
    private long _bufferStart;
    private int _bufferLength;

    /// <summary>File offset of the next record.</summary>
    public long Position { get; private set; }

    public string? Path { get; private set; }

    public void Open(string path)
    {
        Close();
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Path = path;
        Position = 0;
        _bufferLength = 0;
        _bufferStart = 0;
    }

    public void Close()
    {
        _handle?.Dispose();
        _handle = null;
        Path = null;
    }

    /// <summary>Reads the record at <see cref="Position"/> if it ends at or before <paramref name="limit"/>.</summary>
    public SegmentReadStatus TryRead(long limit, out long sequence, out ReadOnlySpan<byte> payload)
    {
        sequence = 0;
        payload = default;
        if (Position >= limit)
        {
            return SegmentReadStatus.End;
        }
        if (Position + SpoolRecordFormat.HeaderLength > limit)
        {
            return SegmentReadStatus.Torn;
        }
        var header = Fill(Position, SpoolRecordFormat.HeaderLength, limit);
        var length = SpoolRecordFormat.PayloadLength(header);
        if (length < 0 || Position + SpoolRecordFormat.HeaderLength + length > limit)
        {
            return SegmentReadStatus.Torn;
        }
        var record = Fill(Position, SpoolRecordFormat.HeaderLength + length, limit);
        header = record[..SpoolRecordFormat.HeaderLength];
        payload = record[SpoolRecordFormat.HeaderLength..];
        if (!SpoolRecordFormat.IsIntact(header, payload))
        {
            payload = default;
            return SegmentReadStatus.Torn;
        }
        sequence = SpoolRecordFormat.Sequence(header);
        Position += record.Length;
        return SegmentReadStatus.Record;
    }

    private ReadOnlySpan<byte> Fill(long position, int count, long limit)
    {
        if (position < _bufferStart || position + count > _bufferStart + _bufferLength)
        {
            var toRead = (int)Math.Min(_buffer.Length, limit - position);
            var read = 0;
            while (read < toRead)
            {
                var n = RandomAccess.Read(_handle!, _buffer.AsSpan(read, toRead - read), position + read);
                if (n == 0)
                {
                    break;
                }
                read += n;
            }
            _bufferStart = position;
            _bufferLength = read;
            if (read < count)
            {
                throw new EndOfStreamException($"Segment {Path} is shorter than its committed length.");
            }
        }
        return _buffer.AsSpan((int)(position - _bufferStart), count);
    }

    public void Dispose() => Close();
}
