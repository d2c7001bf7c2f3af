using System.Buffers;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// Reply lines (<c>ok &lt;readId&gt;</c>, <c>err &lt;reason&gt;</c>) written straight into the reply buffer's memory,
/// which is asked for once per 16 KiB (~700 replies) instead of once per line: no interface call per read. Nothing
/// counts as written until <see cref="Commit"/>.
/// </summary>
internal ref struct ReplyLines(IBufferWriter<byte> output)
{
    private const int SpaceBytes = 16 * 1024;

    private readonly IBufferWriter<byte> _output = output;
    private Span<byte> _space;
    private int _used;

    /// <summary>Writes <paramref name="word"/>, <paramref name="text"/> and a newline.</summary>
    public void Write(scoped ReadOnlySpan<byte> word, scoped ReadOnlySpan<byte> text)
    {
        var length = word.Length + text.Length + 1;
        if (_space.Length - _used < length)
        {
            Renew(length);
        }
        var line = _space.Slice(_used, length);
        word.CopyTo(line);
        SpooledRead.CopySmall(text, line[word.Length..]);
        line[^1] = (byte)'\n';
        _used += length;
    }

    /// <summary>Hands what was written to the buffer writer.</summary>
    public void Commit()
    {
        if (_used > 0)
        {
            _output.Advance(_used);
        }
        _used = 0;
        _space = default;
    }

    private void Renew(int length)
    {
        Commit();
        _space = _output.GetSpan(Math.Max(length, SpaceBytes));
    }
}
