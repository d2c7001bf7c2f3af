namespace AnprExchange.Core.Hotlists;

/// <summary>The snake_case words of the external contracts (CSV, JSON) for the domain enums.</summary>
public static class HotlistVocabulary
{
    // Enum.GetValues allocates a new array on every call; the parsers run per CSV row and per JSON alert.
    private static readonly HotlistCategory[] Categories = Enum.GetValues<HotlistCategory>();
    private static readonly HotlistAction[] Actions = Enum.GetValues<HotlistAction>();
    private static readonly MatchKind[] MatchKinds = Enum.GetValues<MatchKind>();

    public static string ToWire(this HotlistCategory category) => category switch
    {
        HotlistCategory.StolenVehicle => "stolen_vehicle",
        HotlistCategory.StolenPlate => "stolen_plate",
        HotlistCategory.WantedPerson => "wanted_person",
        HotlistCategory.MissingPerson => "missing_person",
        HotlistCategory.SisDiscreetCheck => "sis_discreet_check",
        HotlistCategory.SisInquiryCheck => "sis_inquiry_check",
        HotlistCategory.SisSpecificCheck => "sis_specific_check",
        HotlistCategory.SisSeizure => "sis_seizure",
        _ => "other",
    };

    public static string ToWire(this HotlistAction action) => action switch
    {
        HotlistAction.Observe => "observe",
        HotlistAction.Check => "check",
        HotlistAction.Stop => "stop",
        _ => "seize",
    };

    public static string ToWire(this MatchKind kind) => kind switch
    {
        MatchKind.Exact => "exact",
        MatchKind.OcrEquivalent => "ocr_equivalent",
        _ => "wildcard",
    };

    public static bool TryParseCategory(ReadOnlySpan<char> text, out HotlistCategory category)
    {
        foreach (var candidate in Categories)
        {
            if (text.Equals(candidate.ToWire(), StringComparison.OrdinalIgnoreCase))
            {
                category = candidate;
                return true;
            }
        }
        category = default;
        return false;
    }

    public static bool TryParseAction(ReadOnlySpan<char> text, out HotlistAction action)
    {
        foreach (var candidate in Actions)
        {
            if (text.Equals(candidate.ToWire(), StringComparison.OrdinalIgnoreCase))
            {
                action = candidate;
                return true;
            }
        }
        action = default;
        return false;
    }

    public static bool TryParseMatchKind(ReadOnlySpan<char> text, out MatchKind kind)
    {
        foreach (var candidate in MatchKinds)
        {
            if (text.Equals(candidate.ToWire(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
