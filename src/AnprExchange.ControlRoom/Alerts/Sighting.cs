namespace AnprExchange.ControlRoom.Alerts;

/// <summary>Where and when the plate of an open alert was last read.</summary>
public sealed record Sighting(string ReadId, string CameraId, DateTimeOffset Timestamp, double? Lat, double? Lon, string? Direction);
