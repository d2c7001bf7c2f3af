namespace AnprExchange.Core.Hotlists;

/// <summary>How a read matched an entry; in the alert JSON as exact, ocr_equivalent, wildcard.</summary>
public enum MatchKind : byte
{
    Exact,
    OcrEquivalent,
    Wildcard,
}
