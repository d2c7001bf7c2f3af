using System.Text;

namespace AnprExchange.Core.Index;

/// <summary>
/// Append-only UTF-8 text (entry ids, plates as given, references, remarks) in 1 MiB byte chunks: no object per
/// text, so a full GC sees a few hundred arrays instead of millions of strings. One writer appends; readers read
/// texts published before the generation they hold.
/// </summary>
internal sealed class TextStore
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;

    private byte[][] _chunks = [new byte[ChunkSize]];
    private int _chunkCount = 1;
    private int _used;

    /// <summary>Bytes held by the chunks.</summary>
    public long AllocatedBytes => (long)_chunkCount * ChunkSize;

    public TextRef Append(string? text)
    {
        if (text is null)
        {
            return default;
        }
        var length = Encoding.UTF8.GetByteCount(text);
        if (length > TextRef.MaxLength)
        {
            throw new ArgumentException($"text of {length} bytes is longer than {TextRef.MaxLength}", nameof(text));
        }
        if (_used + length > ChunkSize)
        {
            AddChunk();
        }
        var chunk = _chunks[_chunkCount - 1];
        Encoding.UTF8.GetBytes(text, chunk.AsSpan(_used, length));
        var position = ((long)(_chunkCount - 1) << ChunkBits) | (uint)_used;
        _used += length;
        return TextRef.Create(position, length);
    }

    public TextRef Append(ReadOnlySpan<byte> utf8, bool isNull)
    {
        if (isNull)
        {
            return default;
        }
        if (_used + utf8.Length > ChunkSize)
        {
            AddChunk();
        }
        utf8.CopyTo(_chunks[_chunkCount - 1].AsSpan(_used));
        var position = ((long)(_chunkCount - 1) << ChunkBits) | (uint)_used;
        _used += utf8.Length;
        return TextRef.Create(position, utf8.Length);
    }

    public ReadOnlySpan<byte> Get(TextRef text)
    {
        if (text.IsNull)
        {
            return default;
        }
        var chunks = Volatile.Read(ref _chunks);
        var position = text.Position;
        return chunks[(int)(position >> ChunkBits)].AsSpan((int)(position & (ChunkSize - 1)), text.Length);
    }

    public string? GetString(TextRef text) => text.IsNull ? null : Encoding.UTF8.GetString(Get(text));

    private void AddChunk()
    {
        if (_chunkCount == _chunks.Length)
        {
            var grown = new byte[_chunks.Length * 2][];
            Array.Copy(_chunks, grown, _chunkCount);
            Volatile.Write(ref _chunks, grown);
        }
        _chunks[_chunkCount++] = new byte[ChunkSize];
        _used = 0;
    }
}
