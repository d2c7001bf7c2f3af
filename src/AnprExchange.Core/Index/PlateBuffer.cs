using System.Runtime.CompilerServices;
using AnprExchange.Core.Plates;

namespace AnprExchange.Core.Index;

/// <summary>Room for one normalised plate inside a struct.</summary>
[InlineArray(PlateNormalizer.MaxLength)]
internal struct PlateBuffer
{
    private byte _first;
}
