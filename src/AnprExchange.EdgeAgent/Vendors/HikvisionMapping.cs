using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using AnprExchange.EdgeAgent.Ingest;

namespace AnprExchange.EdgeAgent.Vendors;

/// <summary>
/// Hikvision <c>EventNotificationAlert</c> with eventType ANPR → one read. Element names are matched by local name,
/// whatever the namespace. DTDs are refused. See README.md "Vendor mappings".
/// </summary>
public static class HikvisionMapping
{
    public const string Source = "agent/http/hikvision";

    private static readonly XmlReaderSettings s_settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 1024 * 1024,
        IgnoreComments = true,
    };

    public static VendorMapping Map(Stream xml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(xml, s_settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return VendorMapping.Fail(ReadRejection.MalformedXml, e.Message);
        }
        var alert = document.Root;
        if (alert is null || alert.Name.LocalName != "EventNotificationAlert")
        {
            return VendorMapping.Fail(ReadRejection.UnsupportedPayload, "expected an EventNotificationAlert document");
        }
        if (!string.Equals(Text(alert, "eventType"), "ANPR", StringComparison.OrdinalIgnoreCase))
        {
            return VendorMapping.Fail(ReadRejection.UnsupportedPayload, $"eventType is \"{Text(alert, "eventType")}\", not ANPR");
        }
        var anpr = Child(alert, "ANPR");
        if (anpr is null)
        {
            return VendorMapping.Fail(ReadRejection.UnsupportedPayload, "the event has no ANPR element");
        }
        var plate = Text(anpr, "licensePlate");
        if (string.Equals(plate?.Trim(), "unknown", StringComparison.OrdinalIgnoreCase))
        {
            // The camera saw a vehicle but could not read the plate.
            plate = "";
        }
        var site = Text(alert, "monitoringSiteID") ?? Text(alert, "macAddress") ?? Text(alert, "ipAddress");
        var channel = Text(alert, "channelID");
        DateTimeOffset? timestamp = DateTimeOffset.TryParse(Text(alert, "dateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        double? confidence = double.TryParse(Text(anpr, "confidenceLevel"), NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c / 100.0 : null;
        return VendorMapping.Of(ReadJsonBuilder.Build(
            readId: Text(alert, "UUID"),
            cameraId: site is null ? null : channel is null ? site : $"{site}/{channel}",
            timestamp: timestamp,
            plate: plate,
            confidence: confidence,
            direction: Text(anpr, "direction")));
    }

    private static XElement? Child(XElement parent, string localName) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? Text(XElement parent, string localName) =>
        Child(parent, localName)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
