using System.Text;
using System.Text.Json;
using AnprExchange.Contracts.Json;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Tests.Json;

public sealed class AlertJsonTests
{
    [Fact]
    public void AnAlertIsWrittenInTheDesignShapeWithSnakeCaseWords()
    {
        var alert = Samples.MinimalAlert() with
        {
            AlertId = "a-1",
            ReadId = "cam-17:42",
            CameraId = "cam-17",
            Plate = "1ABC123",
            Matches = [Samples.Match() with { Category = HotlistCategory.SisDiscreetCheck }, Samples.Match(5, MatchKind.OcrEquivalent) with { Reference = null }],
        };
        Assert.Equal(
            """{"alertId":"a-1","readId":"cam-17:42","cameraId":"cam-17","timestamp":"2026-12-04T10:15:30.123Z","plate":"1ABC123","matches":[{"entryId":"nl-000123","sourceCountry":"NL","list":"stolen-vehicles","category":"sis_discreet_check","action":"stop","priority":1,"matchKind":"exact","reference":"PV-2026-0042"},{"entryId":"nl-000123","sourceCountry":"NL","list":"stolen-vehicles","category":"stolen_vehicle","action":"stop","priority":5,"matchKind":"ocr_equivalent","reference":null}],"raisedAt":"2026-12-04T10:15:30.123Z"}""",
            Write(alert));
    }

    [Fact]
    public void OptionalFieldsAreWrittenOnlyWhenTheyHaveAValue()
    {
        using var document = JsonDocument.Parse(Write(Samples.FullAlert()));
        var root = document.RootElement;
        Assert.Equal("BE", root.GetProperty("country").GetString());
        Assert.Equal(51.2, root.GetProperty("lat").GetDouble());
        Assert.Equal("antwerpen", root.GetProperty("controlRoom").GetString());
        Assert.Equal("2026-12-04T10:15:30.126Z", root.GetProperty("ingestedAt").GetString());
        Assert.False(root.GetProperty("matches")[0].TryGetProperty("covert", out _));
        Assert.True(root.GetProperty("matches")[1].GetProperty("covert").GetBoolean());
    }

    [Fact]
    public void EveryAlertRoundTripsThroughJson()
    {
        foreach (var alert in new[] { Samples.FullAlert(), Samples.MinimalAlert() })
        {
            var parsed = AlertJson.Parse(Encoding.UTF8.GetBytes(Write(alert)));
            Assert.Equal(alert with { Matches = [] }, parsed with { Matches = [] });
            Assert.Equal(alert.Matches, parsed.Matches);
        }
    }

    [Fact]
    public void AnAlertInTheDesignShapeWithoutRaisedAtParsesWithTheReadTime()
    {
        var alert = AlertJson.Parse("""
            {"alertId":"x","readId":"r","cameraId":"c","timestamp":"2026-12-04T10:15:30.123Z","plate":"1ABC123",
             "matches":[{"entryId":"e","sourceCountry":"NL","list":"l","category":"stolen_vehicle","action":"stop","priority":1,"matchKind":"wildcard","reference":"ref"}],
             "someday":{"new":"field"}}
            """u8);
        Assert.Equal(Samples.Seen, alert.RaisedAt);
        Assert.Equal("", alert.ControlRoom);
        var match = Assert.Single(alert.Matches);
        Assert.Equal(MatchKind.Wildcard, match.MatchKind);
        Assert.Equal("ref", match.Reference);
        Assert.False(match.Covert);
    }

    [Theory]
    [InlineData("""{"readId":"r","cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"P","matches":[]}""", "alert: missing required field 'alertId'")]
    [InlineData("""{"alertId":"a","readId":"r","cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"P"}""", "alert: missing required field 'matches'")]
    [InlineData("""{"alertId":"a","readId":"r","cameraId":"c","timestamp":"now","plate":"P","matches":[]}""", "alert: field 'timestamp' is not an ISO 8601 time")]
    [InlineData("""{"alertId":"a","readId":"r","cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"P","matches":[{"entryId":"e"}]}""", "alert: missing required field 'matches[0].sourceCountry'")]
    [InlineData("""{"alertId":"a","readId":"r","cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"P","matches":[{"category":"parking"}]}""", "alert: field 'matches[].category' has unknown value 'parking'")]
    [InlineData("""[]""", "alert: expected a JSON object")]
    public void AnAlertWithAMissingOrWrongFieldIsAJsonExceptionSayingWhich(string json, string message) =>
        Assert.Equal(message, Assert.Throws<JsonException>(() => AlertJson.Parse(Encoding.UTF8.GetBytes(json))).Message);

    [Theory]
    [InlineData("")]
    [InlineData("{\"alertId\":")]
    [InlineData("{\"alertId\":\"a\"} trailing")]
    public void TextThatIsNotOneJsonObjectIsAJsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => AlertJson.Parse(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void InvalidUtf8InAStringIsAJsonException()
    {
        byte[] json = [.. "{\"alertId\":\""u8, 0xFF, .. "\"}"u8];
        Assert.Equal("alert: a string is not valid UTF-8", Assert.Throws<JsonException>(() => AlertJson.Parse(json)).Message);
    }

    private static string Write(Alert alert)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            AlertJson.Write(writer, alert);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
