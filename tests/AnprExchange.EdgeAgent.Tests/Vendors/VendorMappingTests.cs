using System.Text;
using System.Text.Json.Nodes;
using AnprExchange.Contracts.Records;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Vendors;

namespace AnprExchange.EdgeAgent.Tests.Vendors;

public sealed class VendorMappingTests
{
    /// <summary>Runs a mapped read through the same parser as the TCP port, as the HTTP endpoints do.</summary>
    private static (ReadRejection Rejection, PlateRead? Read) Validate(VendorMapping mapping)
    {
        Assert.Equal(ReadRejection.None, mapping.Rejection);
        var line = Assert.Single(mapping.Reads);
        var payload = new byte[ReadLineParser.PayloadLength(line.Length)];
        var context = new ReadParseContext(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5), new ReadIdGenerator("v"));
        var rejection = ReadLineParser.Parse(line, new byte[line.Length], payload, context, out var length);
        return (rejection, rejection == ReadRejection.None ? SpooledRead.Decode(payload.AsSpan(0, length)) : null);
    }

    private static byte[] Edit(string fixture, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(Samples.Fixture(fixture))!.AsObject();
        edit(json);
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    [Fact]
    public void OpenAlprGroupMapsToOneRead()
    {
        var (rejection, read) = Validate(OpenAlprMapping.Map(Encoding.UTF8.GetBytes(Samples.Fixture("openalpr-alpr_group.json"))));
        Assert.Equal(ReadRejection.None, rejection);
        Assert.Equal("agent-eindhoven-07-4711-1796380001310", read!.ReadId);
        Assert.Equal("agent-eindhoven-07/4711", read.CameraId);
        Assert.Equal("GBX021", read.Plate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796380000120), read.Timestamp);
        Assert.Equal("NL", read.Country);
        Assert.Equal(0.9142, read.Confidence!.Value, 6);
        Assert.Equal(51.4416, read.Lat);
        Assert.Equal(5.4697, read.Lon);
        Assert.Equal("182.5", read.Direction);
    }

    [Fact]
    public void OpenAlprPreviewGroupsAreIgnored()
    {
        var mapping = OpenAlprMapping.Map(Edit("openalpr-alpr_group.json", j => j["is_preview"] = true));
        Assert.Empty(mapping.Reads);
        Assert.NotNull(mapping.Ignored);
    }

    [Fact]
    public void OpenAlprWithoutGpsHasNoPosition()
    {
        var (_, read) = Validate(OpenAlprMapping.Map(Edit("openalpr-alpr_group.json", j => { j["gps_latitude"] = 0; j["gps_longitude"] = 0; })));
        Assert.Null(read!.Lat);
        Assert.Null(read.Lon);
    }

    [Fact]
    public void OpenAlprWithoutCameraIsRejectedForTheMissingCamera()
    {
        var (rejection, _) = Validate(OpenAlprMapping.Map(Edit("openalpr-alpr_group.json", j => j.Remove("camera_id"))));
        Assert.Equal(ReadRejection.MissingCameraId, rejection);
    }

    [Fact]
    public void OtherOpenAlprDataTypesAreUnsupported()
    {
        Assert.Equal(ReadRejection.UnsupportedPayload, OpenAlprMapping.Map(Edit("openalpr-alpr_group.json", j => j["data_type"] = "heartbeat")).Rejection);
        Assert.Equal(ReadRejection.MalformedJson, OpenAlprMapping.Map("{\"data_type\":"u8).Rejection);
    }

    [Fact]
    public void AxisNewCarEventMapsToOneRead()
    {
        var (rejection, read) = Validate(AxisMapping.Map(Encoding.UTF8.GetBytes(Samples.Fixture("axis-lpv-event.json"))));
        Assert.Equal(ReadRejection.None, rejection);
        Assert.Equal("brussels-ring-r0-12:77:1796379330123", read!.ReadId);
        Assert.Equal("brussels-ring-r0-12", read.CameraId);
        Assert.Equal("1-ABC-123", read.Plate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796379330123), read.Timestamp);
        Assert.Equal("BE", read.Country);
        Assert.Equal(0.88321, read.Confidence!.Value, 6);
        Assert.Equal(50.8467, read.Lat);
        Assert.Equal(4.3525, read.Lon);
        Assert.Equal("in", read.Direction);
    }

    [Theory]
    [InlineData("update")]
    [InlineData("lost")]
    public void AxisUpdatesAndLostCarsAreIgnoredSoEachCarIsOneRead(string state)
    {
        var mapping = AxisMapping.Map(Edit("axis-lpv-event.json", j => j["carState"] = state));
        Assert.Equal(ReadRejection.None, mapping.Rejection);
        Assert.Empty(mapping.Reads);
    }

    [Fact]
    public void AxisWithoutSensorIdFallsBackToTheSerialNumber()
    {
        var (_, read) = Validate(AxisMapping.Map(Edit("axis-lpv-event.json", j => j["sensorProviderID"] = "")));
        Assert.Equal("ACCC8E000001", read!.CameraId);
    }

    [Fact]
    public void AxisWithAnEmptyPlateIsRejected()
    {
        var (rejection, _) = Validate(AxisMapping.Map(Edit("axis-lpv-event.json", j =>
        {
            j["plateUTF8"] = "";
            j["plateText"] = "";
            j["plateUnicode"] = "";
            j["plateASCII"] = "";
        })));
        Assert.Equal(ReadRejection.PlateEmpty, rejection);
    }

    [Fact]
    public void HikvisionAnprAlertMapsToOneRead()
    {
        using var xml = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Fixtures", "hikvision-anpr.xml"));
        var (rejection, read) = Validate(HikvisionMapping.Map(xml));
        Assert.Equal(ReadRejection.None, rejection);
        Assert.Equal("8f0c2a34-0000-4000-8000-000000000042", read!.ReadId);
        Assert.Equal("be-e19-042/1", read.CameraId);
        Assert.Equal("2XYZ987", read.Plate);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 11, 15, 30, TimeSpan.FromHours(1)), read.Timestamp);
        Assert.Equal(0.96, read.Confidence!.Value, 6);
        Assert.Equal("forward", read.Direction);
    }

    [Fact]
    public void HikvisionUnknownPlateIsRejectedAsEmpty()
    {
        var xml = Samples.Fixture("hikvision-anpr.xml").Replace("<licensePlate>2XYZ987</licensePlate>", "<licensePlate>unknown</licensePlate>", StringComparison.Ordinal);
        var (rejection, _) = Validate(HikvisionMapping.Map(new MemoryStream(Encoding.UTF8.GetBytes(xml))));
        Assert.Equal(ReadRejection.PlateEmpty, rejection);
    }

    [Fact]
    public void HikvisionRetransmissionsKeepTheirUuidSoDuplicatesCanBeRecognised()
    {
        var xml = Samples.Fixture("hikvision-anpr.xml").Replace("<isDataRetransmission>false", "<isDataRetransmission>true", StringComparison.Ordinal);
        var (_, read) = Validate(HikvisionMapping.Map(new MemoryStream(Encoding.UTF8.GetBytes(xml))));
        Assert.Equal("8f0c2a34-0000-4000-8000-000000000042", read!.ReadId);
    }

    [Theory]
    [InlineData("<EventNotificationAlert><eventType>VMD</eventType></EventNotificationAlert>", ReadRejection.UnsupportedPayload)]
    [InlineData("<Other/>", ReadRejection.UnsupportedPayload)]
    [InlineData("<EventNotificationAlert><eventType>ANPR</eventType>", ReadRejection.MalformedXml)]
    [InlineData("<!DOCTYPE x [<!ENTITY a 'b'>]><EventNotificationAlert/>", ReadRejection.MalformedXml)]
    public void HikvisionPayloadsThatAreNotAnprEventsAreRejected(string xml, ReadRejection expected)
    {
        Assert.Equal(expected, HikvisionMapping.Map(new MemoryStream(Encoding.UTF8.GetBytes(xml))).Rejection);
    }
}
