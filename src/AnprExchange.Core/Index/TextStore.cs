using System.Text;

namespace AnprExchange.Core.Index;

/// <summary>
/// Append-only UTF-8 text (entry ids, plates as given, references, remarks) in 1 MiB chunks of native memory: no
/// object per text and nothing the GC scans. One writer appends; readers read texts published before the generation
/// they hold.
/// </summary>
internal sealed unsafe class TextStore
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;

    private OffHeapBlock[] _chunks = [new OffHeapBlock(ChunkSize)];
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
        Encoding.UTF8.GetBytes(text, Tail(length));
        return Appended(length);
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
        utf8.CopyTo(Tail(utf8.Length));
        return Appended(utf8.Length);
    }

    public ReadOnlySpan<byte> Get(TextRef text)
    {
        if (text.IsNull)
        {
            return default;
        }
        var chunks = Volatile.Read(ref _chunks);
        var position = text.Position;
        return new ReadOnlySpan<byte>(chunks[(int)(position >> ChunkBits)].Pointer + (position & (ChunkSize - 1)), text.Length);
    }

    public string? GetString(TextRef text)
    {
        if (text.IsNull)
        {
            return null;
        }
        var value = Encoding.UTF8.GetString(Get(text));
        GC.KeepAlive(this); // the chunk's native memory lives as long as this store
        return value;
    }

    /// <summary>
    /// Takes over the chunks of <paramref name="part"/> (texts a bulk apply wrote on another thread), after this store's
    /// own; returns the chunk number the part's first chunk now has: add it to the part's <see cref="TextRef"/>s with
    /// <see cref="Rebase"/>. The rest of this store's current chunk stays unused.
    /// </summary>
    public int Adopt(TextStore part)
    {
        var first = _chunkCount;
        if (_chunkCount + part._chunkCount > _chunks.Length)
        {
            var grown = new OffHeapBlock[Math.Max(_chunkCount + part._chunkCount, _chunks.Length * 2)];
            Array.Copy(_chunks, grown, _chunkCount);
            Volatile.Write(ref _chunks, grown);
        }
        Array.Copy(part._chunks, 0, _chunks, _chunkCount, part._chunkCount);
        _chunkCount += part._chunkCount;
        _used = part._used;
        return first;
    }

    /// <summary>A reference into an adopted part, made valid in this store (<paramref name="firstChunk"/> from <see cref="Adopt"/>).</summary>
    public static TextRef Rebase(TextRef text, int firstChunk) =>
        text.IsNull ? text : TextRef.Create(text.Position + ((long)firstChunk << ChunkBits), text.Length);

    private Span<byte> Tail(int length) => new(_chunks[_chunkCount - 1].Pointer + _used, length);

    private TextRef Appended(int length)
    {
        var position = ((long)(_chunkCount - 1) << ChunkBits) | (uint)_used;
        _used += length;
        return TextRef.Create(position, length);
    }

    private void AddChunk()
    {
        if (_chunkCount == _chunks.Length)
        {
            var grown = new OffHeapBlock[_chunks.Length * 2];
            Array.Copy(_chunks, grown, _chunkCount);
            Volatile.Write(ref _chunks, grown);
        }
        _chunks[_chunkCount++] = new OffHeapBlock(ChunkSize);
        _used = 0;
    }
}
