using System.Globalization;
using System.Text.Json;
using AnprExchange.EdgeAgent.Ingest;

namespace AnprExchange.EdgeAgent.Vendors;

/// <summary>
/// Axis License Plate Verifier push event → one read per carID (on carState "new"; "update" and "lost" are ignored).
/// See README.md "Vendor mappings".
/// </summary>
public static class AxisMapping
{
    public const string Source = "agent/http/axis";

    public static VendorMapping Map(ReadOnlySpan<byte> body)
    {
        if (!VendorMapping.TryParseJson(body, out var document, out var failure))
        {
            return failure;
        }
        using (document)
        {
            var e = document.RootElement;
            if (e.ValueKind != JsonValueKind.Object || e.Text("carState") is not { } state)
            {
                return VendorMapping.Fail(ReadRejection.UnsupportedPayload, "expected an LPV event object with \"carState\"");
            }
            if (!string.Equals(state, "new", StringComparison.OrdinalIgnoreCase))
            {
                return VendorMapping.Ignore($"carState \"{state}\": only \"new\" makes a read (one read per carID)");
            }
            var info = e.TryGetProperty("camera_info", out var ci) && ci.ValueKind == JsonValueKind.Object ? ci : default;
            var camera = e.Text("sensorProviderID").NonEmpty()
                ?? (info.ValueKind == JsonValueKind.Object ? info.Text("SerialNumber").NonEmpty() ?? info.Text("MACAddress").NonEmpty() : null);
            var capture = e.Number("capture_timestamp") ?? e.Number("frame_timestamp");
            var geotag = e.TryGetProperty("geotag", out var g) && g.ValueKind == JsonValueKind.Object ? g : default;
            var carId = e.Text("carID").NonEmpty();
            return VendorMapping.Of(ReadJsonBuilder.Build(
                readId: camera is not null && carId is not null && capture is { } c ? $"{camera}:{carId}:{((long)c).ToString(CultureInfo.InvariantCulture)}" : null,
                cameraId: camera,
                timestamp: capture is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null,
                plate: e.Text("plateUTF8").NonEmpty() ?? e.Text("plateText").NonEmpty() ?? e.Text("plateUnicode").NonEmpty() ?? e.Text("plateASCII"),
                country: CountryCodes.ToAlpha2(e.Text("plateCountry")),
                confidence: e.Number("plateConfidence"),
                lat: geotag.ValueKind == JsonValueKind.Object ? geotag.Number("lat") : null,
                lon: geotag.ValueKind == JsonValueKind.Object ? geotag.Number("lon") : null,
                direction: e.Text("carMoveDirection").NonEmpty()));
        }
    }
}
