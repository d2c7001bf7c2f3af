using System.Buffers;
using System.Security.Cryptography;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Signing;

/// <summary>
/// SHA-256 over a batch's entries in sequence order: the concatenation of each entry's canonical bytes
/// (<see cref="HotlistCanonicalForm.WriteEntry"/>); each is self-delimiting, so the concatenation is unambiguous.
/// Incremental, so a producer can feed entries as it sends them.
/// </summary>
public sealed class HotlistBatchDigest : IDisposable
{
    public const int Length = 32;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    public int Count { get; private set; }

    public void Append(HotlistEntryRecord entry)
    {
        _buffer.ResetWrittenCount();
        HotlistCanonicalForm.WriteEntry(entry, _buffer);
        _hash.AppendData(_buffer.WrittenSpan);
        Count++;
    }

    public byte[] Finish() => _hash.GetHashAndReset();

    public static byte[] Compute(IEnumerable<HotlistEntryRecord> entriesInSequenceOrder)
    {
        using var digest = new HotlistBatchDigest();
        foreach (var entry in entriesInSequenceOrder)
        {
            digest.Append(entry);
        }
        return digest.Finish();
    }

    public void Dispose() => _hash.Dispose();
}
