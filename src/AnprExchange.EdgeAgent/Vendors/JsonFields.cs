using System.Globalization;
using System.Text.Json;

namespace AnprExchange.EdgeAgent.Vendors;

/// <summary>Lenient field access for vendor JSON, where numbers often arrive as strings and vice versa.</summary>
internal static class JsonFields
{
    public static string? Text(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    public static double? Number(this JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDouble(out var d) => d,
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    public static bool Flag(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    public static string? NonEmpty(this string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
