using System.Text;
using AnprExchange.EdgeAgent.Ingest;

namespace AnprExchange.EdgeAgent.Tests.Ingest;

public sealed class ReadLineParserTests
{
    private static ReadRejection Parse(string line, out byte[] payload)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var scratch = new byte[ReadLineParser.ScratchLength(bytes.Length)];
        var buffer = new byte[ReadLineParser.PayloadLength(bytes.Length)];
        var context = new ReadParseContext(Samples.Now, TimeSpan.FromMinutes(5), new ReadIdGenerator("inst"));
        var result = ReadLineParser.Parse(bytes, scratch, buffer, context, out var length);
        payload = buffer[..length];
        return result;
    }

    [Fact]
    public void AFullReadBecomesASpoolRecordWithEveryField()
    {
        Assert.Equal(ReadRejection.None, Parse(Samples.Line(), out var payload));
        var read = SpooledRead.Decode(payload);
        Assert.Equal("cam-17:42", read.ReadId);
        Assert.Equal("cam-17", read.CameraId);
        Assert.Equal("1-ABC-123", read.Plate);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 10, 15, 30, 123, TimeSpan.Zero), read.Timestamp);
        Assert.Equal("BE", read.Country);
        Assert.Equal(0.93, read.Confidence);
        Assert.Equal(51.2, read.Lat);
        Assert.Equal(4.4, read.Lon);
        Assert.Equal("in", read.Direction);
        Assert.Equal(Samples.Now, read.IngestedAt);
    }

    [Fact]
    public void AReadWithoutReadIdGetsOneFromTheAgent()
    {
        Assert.Equal(ReadRejection.None, Parse("""{"cameraId":"cam-9","timestamp":"2026-12-04T10:15:30Z","plate":"AB12CD"}""", out var payload));
        var read = SpooledRead.Decode(payload);
        Assert.Equal("cam-9:inst-1", read.ReadId);
        Assert.Null(read.Country);
        Assert.Null(read.Confidence);
        Assert.Null(read.Direction);
    }

    [Fact]
    public void EscapedStringsAndPropertyNamesAreUnescaped()
    {
        Assert.Equal(ReadRejection.None, Parse("""{"camera\u0049d":"cam\/1","timestamp":"2026-12-04T10:15:30+01:00","plate":"1\u2013ABC 123","readId":"r\"1"}""", out var payload));
        var read = SpooledRead.Decode(payload);
        Assert.Equal("cam/1", read.CameraId);
        Assert.Equal("1\u2013ABC 123", read.Plate);
        Assert.Equal("r\"1", read.ReadId);
        Assert.Equal(TimeSpan.FromHours(1), read.Timestamp.Offset);
    }

    [Fact]
    public void UnknownFieldsOfAnyShapeAreIgnored()
    {
        Assert.Equal(ReadRejection.None, Parse("""{"vendor":{"a":[1,2,{"b":null}]},"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"X1","lat":null}""", out _));
    }

    [Theory]
    [InlineData("""{"timestamp":"2026-12-04T10:15:30Z","plate":"X1"}""", ReadRejection.MissingCameraId)]
    [InlineData("""{"cameraId":"","timestamp":"2026-12-04T10:15:30Z","plate":"X1"}""", ReadRejection.MissingCameraId)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z"}""", ReadRejection.MissingPlate)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":" - "}""", ReadRejection.PlateEmpty)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"AB#12"}""", ReadRejection.PlateInvalidCharacter)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"ABCDEFGHIJKLMNOP"}""", ReadRejection.PlateTooLong)]
    [InlineData("""{"cameraId":"c","plate":"X1"}""", ReadRejection.MissingTimestamp)]
    [InlineData("""{"cameraId":"c","timestamp":"yesterday","plate":"X1"}""", ReadRejection.InvalidTimestamp)]
    [InlineData("""{"cameraId":"c","timestamp":1796379330123,"plate":"X1"}""", ReadRejection.InvalidTimestamp)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:26:00Z","plate":"X1"}""", ReadRejection.TimestampInFuture)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"X1","confidence":"high"}""", ReadRejection.InvalidField)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"X1","lat":91}""", ReadRejection.InvalidField)]
    [InlineData("""{"cameraId":7,"timestamp":"2026-12-04T10:15:30Z","plate":"X1"}""", ReadRejection.InvalidField)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"X1","country":"BELGIUM-BELGIQUE-BELGIEN-BELGIE-BELGIO"}""", ReadRejection.FieldTooLong)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"X1"} trailing""", ReadRejection.MalformedJson)]
    [InlineData("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"X1" """, ReadRejection.MalformedJson)]
    [InlineData("""{"cameraId":"c",}""", ReadRejection.MalformedJson)]
    [InlineData("""[1,2,3]""", ReadRejection.NotAnObject)]
    [InlineData("""42""", ReadRejection.NotAnObject)]
    public void InvalidReadsAreRejectedWithTheirReason(string line, ReadRejection expected)
    {
        Assert.Equal(expected, Parse(line, out _));
    }

    [Fact]
    public void ATimestampWithinTheAllowedSkewIsAccepted()
    {
        Assert.Equal(ReadRejection.None, Parse("""{"cameraId":"c","timestamp":"2026-12-04T10:24:59Z","plate":"X1"}""", out _));
    }

    [Fact]
    public void ParsingAValidLineAllocatesNothing()
    {
        var bytes = Encoding.UTF8.GetBytes(Samples.Line());
        var scratch = new byte[ReadLineParser.ScratchLength(bytes.Length)];
        var buffer = new byte[ReadLineParser.PayloadLength(bytes.Length)];
        var context = new ReadParseContext(Samples.Now, TimeSpan.FromMinutes(5), new ReadIdGenerator("inst"));
        for (var i = 0; i < 100; i++)
        {
            ReadLineParser.Parse(bytes, scratch, buffer, context, out _);
        }
        // Least of three rounds: a real allocation shows in every round, while a GC run for other tests' threads
        // during one round can make the per-thread counter move on its own (seen once in a full parallel run).
        var allocated = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                ReadLineParser.Parse(bytes, scratch, buffer, context, out _);
            }
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(0, allocated);
    }
}
