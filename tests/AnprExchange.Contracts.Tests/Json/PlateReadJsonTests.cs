using System.Text;
using System.Text.Json;
using AnprExchange.Contracts.Json;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Tests.Json;

public sealed class PlateReadJsonTests
{
    private const string DesignExample =
        """{"readId":"cam-17:42","cameraId":"cam-17","timestamp":"2026-12-04T10:15:30.123Z","plate":"1-ABC-123","country":"BE","confidence":0.93,"lat":51.2,"lon":4.4,"direction":"in"}""";

    [Fact]
    public void TheDesignExampleLineParsesToEveryField()
    {
        var read = Parse(DesignExample);
        Assert.Equal(Samples.FullRead() with { IngestedAt = null }, read);
    }

    [Fact]
    public void AReadWithoutReadIdGetsAnEmptyReadId()
    {
        var read = Parse("""{"cameraId":"cam-1","timestamp":"2026-12-04T10:15:30Z","plate":"AB12"}""");
        Assert.Equal("", read.ReadId);
        Assert.Null(read.Country);
        Assert.Null(read.Confidence);
        Assert.Null(read.Lat);
        Assert.Null(read.IngestedAt);
    }

    [Theory]
    [InlineData("cameraId")]
    [InlineData("timestamp")]
    [InlineData("plate")]
    public void EachMissingRequiredFieldIsNamedInTheError(string field)
    {
        using var document = JsonDocument.Parse(DesignExample);
        var json = "{" + string.Join(",", document.RootElement.EnumerateObject().Where(p => p.Name != field).Select(p => p.ToString())) + "}";
        Assert.Equal($"missing required field '{field}'", Fail(json));
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"2026-13-04T10:15:30Z\"")]
    [InlineData("\"\"")]
    [InlineData("1733307330123")]
    [InlineData("null")]
    public void ATimestampThatIsNotIso8601IsRejected(string value) =>
        Assert.Equal("field 'timestamp' is not an ISO 8601 time", Fail(DesignExample.Replace("\"2026-12-04T10:15:30.123Z\"", value, StringComparison.Ordinal)));

    [Theory]
    [InlineData("""{"cameraId":5,"timestamp":"2026-12-04T10:15:30Z","plate":"AB12"}""", "field 'cameraId' must be a string")]
    [InlineData("""{"cameraId":"","timestamp":"2026-12-04T10:15:30Z","plate":"AB12"}""", "field 'cameraId' must not be empty")]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":null}""", "field 'plate' must be a string")]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":""}""", "field 'plate' must not be empty")]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"A","confidence":"high"}""", "field 'confidence' must be a number")]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"A","lat":91}""", "field 'lat' must be between -90 and 90")]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"A","lon":-180.5}""", "field 'lon' must be between -180 and 180")]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"A","country":["BE"]}""", "field 'country' must be a string")]
    [InlineData("""[{"cameraId":"c"}]""", "expected a JSON object, found an array")]
    [InlineData("", "empty input, expected a JSON object")]
    public void AWrongValueIsRejectedWithAClearError(string json, string error) => Assert.Equal(error, Fail(json));

    [Theory]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"A" """)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"A"} {}""")]
    [InlineData("cameraId=c")]
    [InlineData("""{"cameraId":'c'}""")]
    public void TextThatIsNotOneJsonObjectIsRejectedAsInvalidJson(string json) =>
        Assert.StartsWith("not valid JSON: ", Fail(json), StringComparison.Ordinal);

    [Fact]
    public void InvalidUtf8IsRejectedAsInvalidJson()
    {
        byte[] line = [.. "{\"cameraId\":\"c\",\"timestamp\":\"2026-12-04T10:15:30Z\",\"plate\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        Assert.False(PlateReadJson.TryParse(line, out _, out var error));
        Assert.StartsWith("not valid JSON: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPropertiesOfAnyShapeAreIgnored()
    {
        var read = Parse("""{"vendor":{"model":"X","lanes":[1,2,{"a":null}]},"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","extra":[],"plate":"A","n":1e300}""");
        Assert.Equal("c", read.CameraId);
        Assert.Equal("A", read.Plate);
    }

    [Fact]
    public void NullOptionalFieldsAreAbsent()
    {
        var read = Parse("""{"readId":null,"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"A","country":null,"confidence":null,"lat":null,"lon":null,"direction":null}""");
        Assert.Equal(new PlateRead { ReadId = "", CameraId = "c", Timestamp = new DateTimeOffset(2026, 12, 4, 10, 15, 30, TimeSpan.Zero), Plate = "A" }, read);
    }

    [Fact]
    public void ATimestampWithAnOffsetIsTheSameInstant() =>
        Assert.Equal(Samples.Seen, Parse("""{"cameraId":"c","timestamp":"2026-12-04T11:15:30.123+01:00","plate":"A"}""").Timestamp);

    [Fact]
    public void ATimestampWithoutAnOffsetIsTakenAsUtc() =>
        Assert.Equal(Samples.Seen, Parse("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30.123","plate":"A"}""").Timestamp);

    [Fact]
    public void EscapedUnicodeAndAByteOrderMarkAreRead()
    {
        var read = Parse("\uFEFF{\"cameraId\":\"cam\\u00e9ra\",\"timestamp\":\"2026-12-04T10:15:30Z\",\"plate\":\"ÄÖ-😀\"}\r\n");
        Assert.Equal("caméra", read.CameraId);
        Assert.Equal("ÄÖ-😀", read.Plate);
    }

    [Fact]
    public void WrittenJsonHasTheDesignShapeWithUtcMilliseconds()
    {
        var json = Write(Samples.FullRead() with { IngestedAt = null, Timestamp = Samples.Seen.ToOffset(TimeSpan.FromHours(1)) });
        Assert.Equal(DesignExample, json);
    }

    [Fact]
    public void WrittenJsonLeavesOutAbsentOptionalFields() =>
        Assert.Equal("""{"readId":"","cameraId":"c","timestamp":"1969-07-20T20:17:40.000Z","plate":"X"}""", Write(Samples.MinimalRead()));

    [Fact]
    public void NumbersThatJsonCannotHoldAreLeftOut() =>
        Assert.Equal(
            """{"readId":"","cameraId":"c","timestamp":"1969-07-20T20:17:40.000Z","plate":"X"}""",
            Write(Samples.MinimalRead() with { Confidence = double.NaN, Lat = double.PositiveInfinity, Lon = double.NegativeInfinity }));

    [Fact]
    public void EveryReadRoundTripsThroughJson()
    {
        foreach (var read in new[] { Samples.FullRead(), Samples.MinimalRead(), Samples.UnicodeRead() })
        {
            Assert.Equal(read, Parse(Write(read)));
        }
    }

    private static PlateRead Parse(string json)
    {
        Assert.True(PlateReadJson.TryParse(Encoding.UTF8.GetBytes(json), out var read, out var error), error);
        Assert.Null(error);
        return read;
    }

    private static string Fail(string json)
    {
        Assert.False(PlateReadJson.TryParse(Encoding.UTF8.GetBytes(json), out var read, out var error));
        Assert.Null(read);
        return error;
    }

    private static string Write(PlateRead read)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            PlateReadJson.Write(writer, read);
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
