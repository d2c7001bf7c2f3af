using System.Globalization;
using System.Text.Json;
using AnprExchange.EdgeAgent.Ingest;

namespace AnprExchange.EdgeAgent.Vendors;

/// <summary>
/// OpenALPR / Rekor agent <c>alpr_group</c> → one read. See README.md "Vendor mappings" for the field table.
/// </summary>
public static class OpenAlprMapping
{
    public const string Source = "agent/http/openalpr";

    public static VendorMapping Map(ReadOnlySpan<byte> body)
    {
        if (!VendorMapping.TryParseJson(body, out var document, out var failure))
        {
            return failure;
        }
        using (document)
        {
            var group = document.RootElement;
            if (group.ValueKind != JsonValueKind.Object || group.Text("data_type") != "alpr_group")
            {
                return VendorMapping.Fail(ReadRejection.UnsupportedPayload, "expected an object with \"data_type\":\"alpr_group\"");
            }
            if (group.Flag("is_preview"))
            {
                return VendorMapping.Ignore("is_preview: the final alpr_group for this vehicle follows");
            }
            var camera = group.Text("camera_id").NonEmpty();
            var agent = group.Text("agent_uid").NonEmpty();
            var epoch = group.Number("epoch_start");
            var lat = group.Number("gps_latitude");
            var lon = group.Number("gps_longitude");
            var noGps = lat is null or 0 && lon is null or 0;
            var region = group.Text("best_region");
            var heading = group.Number("travel_direction");
            return VendorMapping.Of(ReadJsonBuilder.Build(
                readId: group.Text("best_uuid").NonEmpty(),
                cameraId: camera is null ? null : agent is null ? camera : $"{agent}/{camera}",
                timestamp: epoch is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null,
                plate: group.Text("best_plate_number"),
                country: region is { Length: 2 } ? CountryCodes.ToAlpha2(region) : null,
                confidence: group.Number("best_confidence") / 100.0,
                lat: noGps ? null : lat,
                lon: noGps ? null : lon,
                direction: heading is { } h ? h.ToString("0.#", CultureInfo.InvariantCulture) : null));
        }
    }
}
