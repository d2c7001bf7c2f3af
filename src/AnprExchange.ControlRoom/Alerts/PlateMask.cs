namespace AnprExchange.ControlRoom.Alerts;

/// <summary>Plates are personal data: logs at Information and above carry only the first two characters.</summary>
public static class PlateMask
{
    public static string Mask(string plate) => plate.Length <= 2 ? "***" : string.Concat(plate.AsSpan(0, 2), "***");
}
