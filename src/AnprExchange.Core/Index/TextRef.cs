namespace AnprExchange.Core.Index;

/// <summary>Where a UTF-8 text lives in a <see cref="TextStore"/>: position &lt;&lt; 17 | length &lt;&lt; 1 | 1; 0 = null.</summary>
internal readonly record struct TextRef(ulong Value)
{
    public const int MaxLength = ushort.MaxValue;

    public bool IsNull => Value == 0;
    public long Position => (long)(Value >> 17);
    public int Length => (int)((Value >> 1) & 0xFFFF);

    public static TextRef Create(long position, int length) => new(((ulong)position << 17) | ((ulong)length << 1) | 1);
}
