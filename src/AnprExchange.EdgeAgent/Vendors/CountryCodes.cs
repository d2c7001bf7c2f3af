using System.Collections.Frozen;

namespace AnprExchange.EdgeAgent.Vendors;

/// <summary>ISO 3166 alpha-3 to alpha-2 for the plates European ANPR cameras report (Axis gives alpha-3).</summary>
public static class CountryCodes
{
    private static readonly FrozenDictionary<string, string> s_alpha3 = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["BEL"] = "BE",
        ["NLD"] = "NL",
        ["LUX"] = "LU",
        ["DEU"] = "DE",
        ["FRA"] = "FR",
        ["GBR"] = "GB",
        ["IRL"] = "IE",
        ["ESP"] = "ES",
        ["PRT"] = "PT",
        ["ITA"] = "IT",
        ["CHE"] = "CH",
        ["AUT"] = "AT",
        ["DNK"] = "DK",
        ["SWE"] = "SE",
        ["NOR"] = "NO",
        ["FIN"] = "FI",
        ["POL"] = "PL",
        ["CZE"] = "CZ",
        ["SVK"] = "SK",
        ["HUN"] = "HU",
        ["ROU"] = "RO",
        ["BGR"] = "BG",
        ["GRC"] = "GR",
        ["HRV"] = "HR",
        ["SVN"] = "SI",
        ["EST"] = "EE",
        ["LVA"] = "LV",
        ["LTU"] = "LT",
        ["UKR"] = "UA",
        ["TUR"] = "TR",
        ["MCO"] = "MC",
        ["LIE"] = "LI",
        ["AND"] = "AD",
        ["SMR"] = "SM",
        ["VAT"] = "VA",
        ["MLT"] = "MT",
        ["CYP"] = "CY",
        ["ISL"] = "IS",
        ["SRB"] = "RS",
        ["BIH"] = "BA",
        ["MNE"] = "ME",
        ["MKD"] = "MK",
        ["ALB"] = "AL",
        ["MDA"] = "MD",
        ["BLR"] = "BY",
        ["RUS"] = "RU",
        ["USA"] = "US",
        ["CAN"] = "CA",
        ["MAR"] = "MA",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The alpha-2 code for an alpha-3 or alpha-2 code, upper-cased; null when unknown or empty.</summary>
    public static string? ToAlpha2(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        code = code.Trim();
        if (code.Length == 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]))
        {
            return code.ToUpperInvariant();
        }
        return s_alpha3.GetValueOrDefault(code);
    }
}
