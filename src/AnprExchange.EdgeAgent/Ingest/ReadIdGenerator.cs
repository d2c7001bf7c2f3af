using System.Buffers.Text;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// Ids for reads that arrive without one: <c>&lt;cameraId&gt;:&lt;instance&gt;-&lt;counter&gt;</c>. The instance part is
/// random per agent process, so ids stay unique across restarts without persisting a counter.
/// </summary>
public sealed class ReadIdGenerator
{
    private readonly byte[] _instance;
    private long _counter;

    public ReadIdGenerator(string? instance = null)
    {
        instance ??= Convert.ToHexStringLower(BitConverter.GetBytes(Random.Shared.NextInt64()))[..10];
        _instance = System.Text.Encoding.ASCII.GetBytes(instance);
    }

    /// <summary>Longest suffix written after the camera id.</summary>
    public int MaxSuffixLength => 1 + _instance.Length + 1 + 20;

    /// <summary>Writes the id into <paramref name="destination"/>; returns the bytes written.</summary>
    public int Write(ReadOnlySpan<byte> cameraId, Span<byte> destination)
    {
        cameraId.CopyTo(destination);
        var at = cameraId.Length;
        destination[at++] = (byte)':';
        _instance.CopyTo(destination[at..]);
        at += _instance.Length;
        destination[at++] = (byte)'-';
        Utf8Formatter.TryFormat(Interlocked.Increment(ref _counter), destination[at..], out var written);
        return at + written;
    }
}
