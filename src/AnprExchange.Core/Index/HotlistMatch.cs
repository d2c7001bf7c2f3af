using System.Runtime.InteropServices;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Core.Index;

/// <summary>
/// One entry a read matched, 12 bytes, written by the lookups into a caller's span. The texts (entry id, list,
/// reference) are resolved from <see cref="RecordId"/> through the <see cref="HotlistIndexView"/> that produced it
/// (<see cref="HotlistIndexView.GetEntryId"/>, <see cref="HotlistIndexView.GetEntry"/>) — on the cold path, after a hit.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct HotlistMatch
{
    internal HotlistMatch(int recordId, in HotEntry entry, MatchKind kind, int substitutions)
    {
        RecordId = recordId;
        ListId = entry.ListId;
        Priority = entry.Priority;
        _flags = entry.Flags;
        Kind = kind;
        Substitutions = (byte)substitutions;
    }

    private readonly byte _flags;

    /// <summary>Handle of the entry version in the view that produced the match.</summary>
    public int RecordId { get; }
    public ushort ListId { get; }
    public byte Priority { get; }
    public MatchKind Kind { get; }

    /// <summary>OCR substitutions between the read and the entry plate (0 for exact and wildcard matches).</summary>
    public byte Substitutions { get; }
    public HotlistCategory Category => (HotlistCategory)(_flags & 0x0F);
    public HotlistAction Action => (HotlistAction)((_flags >> 4) & 0x03);
    public bool Covert => (_flags & HotEntry.CovertFlag) != 0;
}
