using System.Runtime.InteropServices;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

/// <summary>
/// Everything about one entry version, cold (read on a hit, by the writer, by export): exact validity, texts, and the
/// hot attributes the shards are built from. A row is written once; the writer only ever flips <see cref="Dead"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct RecordRow
{
    public OcrKey Key;
    public long ValidFromTicks;
    public long ValidUntilTicks;
    public TextRef EntryId;
    public TextRef Plate;
    public TextRef PlateCountry;
    public TextRef Reference;
    public TextRef Remarks;
    public HotEntry Hot;
    public bool IsPattern;
    public bool Dead;
}
