using System.Buffers.Binary;

namespace AnprExchange.EdgeAgent.Spool;

/// <summary>The released watermark on disk: <c>released.chk</c> = [i64 watermark][u32 CRC-32C], replaced atomically.</summary>
public sealed partial class ReadSpool
{
    private const string CheckpointFile = "released.chk";

    // Taken before _gate, never after it: serialises checkpoint writers without holding up appends.
    private readonly object _checkpointGate = new();

    /// <summary>
    /// Persists the released watermark (cheap when unchanged); call periodically and on shutdown. The file is written
    /// and fsynced outside the spool's lock, so appends do not wait for it; checkpoint writers take turns.
    /// </summary>
    public void SaveCheckpoint()
    {
        lock (_checkpointGate)
        {
            long released;
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }
                released = _released;
            }
            WriteCheckpoint(released);
        }
    }

    /// <summary>Under <see cref="_checkpointGate"/>: writes the watermark to a new file and moves it over the old one.</summary>
    private void WriteCheckpoint(long released)
    {
        if (_checkpointed == released)
        {
            return;
        }
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, released);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], Crc32C.Compute(bytes[..8]));
        var path = Path.Combine(_options.Directory, CheckpointFile);
        var temporary = path + ".tmp";
        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, bytes, 0);
            RandomAccess.FlushToDisk(handle);
        }
        File.Move(temporary, path, overwrite: true);
        _checkpointed = released;
    }

    private long LoadCheckpoint()
    {
        var path = Path.Combine(_options.Directory, CheckpointFile);
        if (!File.Exists(path))
        {
            return 0;
        }
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length != 12 || BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)) != Crc32C.Compute(bytes.AsSpan(0, 8)))
        {
            Log.CheckpointDamaged(_logger, path);
            return 0;
        }
        return BinaryPrimitives.ReadInt64LittleEndian(bytes);
    }
}
