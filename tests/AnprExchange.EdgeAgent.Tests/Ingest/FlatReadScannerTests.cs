using System.Text;
using AnprExchange.EdgeAgent.Ingest;
using CsCheck;

namespace AnprExchange.EdgeAgent.Tests.Ingest;

/// <summary>The fast scanner must give exactly the general parser's answer, or decline.</summary>
public sealed class FlatReadScannerTests
{
    // Besides the known keys: names that share a length or a prefix with one of them.
    private static readonly Gen<string> Keys = Gen.OneOfConst("readId", "cameraId", "timestamp", "plate", "country", "confidence", "lat", "lon", "direction", "vendor", "re\\u0061dId", "",
        "la", "lan", "latt", "lo", "lox", "plates", "plat", "readIdx", "cameraIds", "cameraIx", "timestamq", "timestampZ", "directioN", "directions", "confidenca", "confidences", "countr", "countries", "Lat", "PLATE");

    private static readonly Gen<string> Values = Gen.OneOf(
        Gen.OneOfConst("\"cam-17\"", "\"1-ABC-123\"", "\"\"", "\"BE\"", "\"in\"", "\"A\\u2013B 12\"", "\"é12\"", "\"x\\\"y\"", "\"#?!\"", "\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\""),
        Gen.OneOfConst("\"2026-12-04T10:15:30.123Z\"", "\"2026-12-04T10:15:30Z\"", "\"2026-12-04T11:15:30+01:00\"", "\"2026-12-04T10:15:30.1234567-02:30\"",
            "\"2026-12-04T10:15:30\"", "\"2026-02-30T10:15:30Z\"", "\"2026-12-04T10:15:30.12345678Z\"", "\"2026-12-04 10:15:30Z\"", "\"2026-12-04T10:24:00Z\"", "\"2026-12-04T10:30:00Z\"", "\"yesterday\""),
        Gen.OneOfConst("0.93", "0", "-0", "1", "1.0", "0.000001", "51.2", "-4.4", "90", "90.0001", "1e-2", "5E1", "123456789012345678", "0.1234567890123456789", "01", "1.", "-", "1e400",
            "1234567", "12345678", "0.1234567", "0.12345678", "1234567.1234567", "-0.5", "00", "-01", "0.000", "1.5e3", "1.0E+2", "2.",
            "123456789012345", "1234567890123456", "12345678901234567", "0.123456789012345", "-9999999.9999999"),
        Gen.OneOfConst("null", "true", "false", "{}", "[1,{\"a\":null}]", "nul", "tru"));

    private static readonly Gen<string> Lines = Gen.Select(
            Gen.Select(Keys, Values, Gen.OneOfConst("", " ", "\t")).Array[0, 10],
            Gen.OneOfConst("", " "),
            Gen.OneOfConst("", "}", ",", " x"))
        .Select((members, padding, tail) => padding + "{" + string.Join(",", members.Select(m => $"{m.Item3}\"{m.Item1}\"{m.Item3}:{m.Item3}{m.Item2}")) + "}" + tail + padding);

    private static void AssertSameAnswer(byte[] line)
    {
        var scratch = new byte[Math.Max(1, line.Length)];
        var fast = new byte[ReadLineParser.PayloadLength(line.Length)];
        var reference = new byte[ReadLineParser.PayloadLength(line.Length)];
        // Same generator state for both: ids are only generated on success, and then both generate one.
        var fastResult = ReadLineParser.Parse(line, scratch, fast, new ReadParseContext(Samples.Now, TimeSpan.FromMinutes(5), new ReadIdGenerator("same")), out var fastLength);
        var referenceResult = ReadLineParser.ParseWithJsonReader(line, scratch, reference, new ReadParseContext(Samples.Now, TimeSpan.FromMinutes(5), new ReadIdGenerator("same")), out var referenceLength);
        Assert.Equal(referenceResult, fastResult);
        Assert.Equal(reference.AsSpan(0, referenceLength).ToArray(), fast.AsSpan(0, fastLength).ToArray());
    }

    [Fact]
    public void TheCommonShapeTakesTheFastPath()
    {
        Assert.True(ReadLineParser.IsFastPath(Encoding.UTF8.GetBytes(Samples.Line())));
        Assert.True(ReadLineParser.IsFastPath("""{"cameraId":"c","timestamp":"2026-12-04T11:15:30.5+01:00","plate":"AB1","lat":null,"flag":true}"""u8));
        Assert.True(ReadLineParser.IsFastPath("""{"cameraId":"c","timestamp":"2026-12-04T07:45:30.1234567-02:30","plate":"AB1","lat":51.2,"lon":-4.4}"""u8));
        Assert.True(ReadLineParser.IsFastPath("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"AB1","confidence":1}"""u8));
        // Spaces between tokens take the sequential scan, still the fast path.
        Assert.True(ReadLineParser.IsFastPath("""{ "cameraId" : "c", "timestamp": "2026-12-04T10:15:30Z", "plate": "AB1", "lat": 51.2 }"""u8));
        Assert.False(ReadLineParser.IsFastPath("""{"cameraId":"c\u0041","timestamp":"2026-12-04T10:15:30Z","plate":"AB1"}"""u8));
        // A control byte anywhere (a tab between tokens too) leaves the line to the general parser.
        Assert.False(ReadLineParser.IsFastPath(Encoding.UTF8.GetBytes("{\"cameraId\":\"c\",\t\"timestamp\":\"2026-12-04T10:15:30Z\",\"plate\":\"AB1\"}")));
        Assert.False(ReadLineParser.IsFastPath("""{"cameraId":"c","timestamp":"2026-12-04T10:15:30","plate":"AB1"}"""u8));
    }

    // The members of design.md's read JSON in its order (the SDK's), with values of the expected kind.
    private static readonly (string Key, string Value)[] Canonical =
    [
        ("readId", "\"cam-17:42\""), ("cameraId", "\"cam-17\""), ("timestamp", "\"2026-12-04T10:15:30.123Z\""), ("plate", "\"1-ABC-123\""),
        ("country", "\"BE\""), ("confidence", "0.93"), ("lat", "51.2"), ("lon", "-4.4"), ("direction", "\"in\""),
    ];

    private static string Member((string Key, string Value) member) => $"\"{member.Key}\":{member.Value}";

    [Fact]
    public void EveryCanonicalSubsetOfMembersTakesTheCanonicalScanAndGetsTheGeneralParsersAnswer()
    {
        // Every subset of the nine members, in order (the required ones missing too, rejected the same way), is taken by
        // the canonical scan, a number right before the closing brace included.
        var declined = new List<string>();
        for (var subset = 1; subset < 1 << Canonical.Length; subset++)
        {
            var members = Canonical.Where((_, i) => (subset & (1 << i)) != 0).Select(Member);
            var line = Encoding.UTF8.GetBytes("{" + string.Join(",", members) + "}");
            var fields = default(ReadFields);
            var taken = FlatReadScanner.ScanCanonical(line, Quotes(line), ref fields);
            if (!taken)
            {
                declined.Add(Encoding.UTF8.GetString(line));
            }
            AssertSameAnswer(line);
        }
        Assert.Empty(declined);
    }

    [Fact]
    public void CanonicalMembersWithValuesOfAnyKindGetTheGeneralParsersAnswer()
    {
        // Canonical keys, each present or not, with any value (wrong kinds, escapes, nulls): the canonical scan takes
        // what it can and declines the rest, and the answer is the general parser's either way.
        Gen.Select(Gen.Bool.Array[Canonical.Length], Values.Array[Canonical.Length], Gen.OneOfConst("", ",\"vendor\":1", ",\"readId\":\"again\""))
            .Sample((present, values, tail) =>
            {
                var members = Canonical.Select((m, i) => (m.Key, values[i])).Where((_, i) => present[i]).Select(Member);
                AssertSameAnswer(Encoding.UTF8.GetBytes("{" + string.Join(",", members) + tail + "}"));
            }, iter: 20_000);
    }

    [Fact]
    public void OtherOrdersExtraKeysAndRepeatsDeclineTheCanonicalScanButStayFast()
    {
        var reordered = """{"cameraId":"cam-17","readId":"cam-17:42","timestamp":"2026-12-04T10:15:30.123Z","plate":"1-ABC-123"}""";
        var extra = Samples.Line()[..^1] + ",\"vendor\":\"acme\"}";
        var repeated = """{"readId":"a","readId":"b","cameraId":"cam-17","timestamp":"2026-12-04T10:15:30.123Z","plate":"1-ABC-123"}""";
        foreach (var line in new[] { reordered, extra, repeated })
        {
            Assert.False(ScansCanonically(line), line);
            Assert.True(ReadLineParser.IsFastPath(Encoding.UTF8.GetBytes(line)), line);
            AssertSameAnswer(Encoding.UTF8.GetBytes(line));
        }
    }

    private static bool ScansCanonically(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var fields = default(ReadFields);
        return FlatReadScanner.ScanCanonical(bytes, Quotes(bytes), ref fields);
    }

    private static ulong[] Quotes(ReadOnlySpan<byte> line)
    {
        var quotes = new ulong[FlatReadScanner.MaxLineLength / 64];
        var words = StopBits.MarkQuotes(line, quotes);
        Assert.True(words >= 0);
        return quotes[..words];
    }

    [Fact]
    public void ALineLongerThanTheFastPathTakesGetsTheGeneralParsersAnswer()
    {
        var line = Samples.Line()[..^1] + ",\"note\":\"" + new string('x', FlatReadScanner.MaxLineLength) + "\"}";
        var bytes = Encoding.UTF8.GetBytes(line);
        Assert.False(ReadLineParser.IsFastPath(bytes));
        Assert.True(ReadLineParser.IsFastPath(Encoding.UTF8.GetBytes(Samples.Line()[..^1] + ",\"note\":\"" + new string('x', 800) + "\"}")));
        AssertSameAnswer(bytes);
    }

    [Fact]
    public void StringsCrossingEvery64ByteBoundaryGetTheSameAnswerFromBothParsers()
    {
        // The stop bit map has one word per 64 bytes: move a read across every word boundary, short lines included.
        for (var padding = 0; padding < 130; padding++)
        {
            AssertSameAnswer(Encoding.UTF8.GetBytes(new string(' ', padding) + Samples.Line(readId: new string('r', padding % 70 + 1))));
            AssertSameAnswer(Encoding.UTF8.GetBytes($$"""{"cameraId":"{{new string('c', padding % 64 + 1)}}","plate":"AB1"}"""));
        }
    }

    [Fact]
    public void GeneratedReadsGetTheSameAnswerFromBothParsers()
    {
        Lines.Sample(line => AssertSameAnswer(Encoding.UTF8.GetBytes(line)), iter: 20_000);
    }

    [Fact]
    public void MutatedReadsGetTheSameAnswerFromBothParsers()
    {
        var original = Encoding.UTF8.GetBytes(Samples.Line());
        Gen.Select(Gen.Int[0, original.Length - 1], Gen.Byte, Gen.Int[0, original.Length]).Array[1, 4].Sample(edits =>
        {
            var line = (byte[])original.Clone();
            var cut = line.Length;
            foreach (var (position, value, length) in edits)
            {
                line[position] = value;
                cut = Math.Min(cut, Math.Max(length, 1));
            }
            AssertSameAnswer(line);
            AssertSameAnswer(line[..cut]);
        }, iter: 20_000);
    }

    [Fact]
    public void NumbersEndingAtEveryDistanceFromTheLineEndGetTheSameAnswerFromBothParsers()
    {
        // The short number form reads eight bytes at each digit run: move numbers up to the very end of the line.
        string[] numbers = ["5", "51.2", "0.93", "-4.4", "1234567", "12345678", "0.1234567", "0.12345678", "1e2", "01", "1.", "-"];
        foreach (var number in numbers)
        {
            for (var tail = 0; tail < 10; tail++)
            {
                var line = $$"""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"AB1","lat":{{number}}""";
                AssertSameAnswer(Encoding.UTF8.GetBytes(line + new string(' ', tail) + "}"));
                AssertSameAnswer(Encoding.UTF8.GetBytes(line + new string(' ', tail)));
                AssertSameAnswer(Encoding.UTF8.GetBytes(line + "," + new string('x', tail)));
            }
        }
    }

    private static readonly Gen<string> Timestamps = Gen.Select(
            Gen.OneOfConst("2026-12-04", "2024-02-29", "2023-02-29", "2000-02-29", "1900-02-29", "0001-01-01", "9999-12-31", "2026-13-01", "2026-00-10", "2026-12-32", "2026-04-31", "2026-1-04", "2026/12/04"),
            Gen.OneOfConst("T10:15:30", "T00:00:00", "T23:59:59", "T24:00:00", "T10:60:00", "T10:15:60", "t10:15:30", " 10:15:30", "T10:15", "T1:15:30"),
            Gen.Int[0, 9].Select(digits => digits == 0 ? "" : "." + "1234567891".Substring(0, digits)),
            Gen.OneOfConst("Z", "z", "+01:00", "-02:30", "+13:59", "+14:00", "-00:00", "+01:60", "+0100", "+1:00", "", "ZZ", "+01:00Z"))
        .Select((date, time, fraction, zone) => date + time + fraction + zone);

    [Fact]
    public void GeneratedTimestampsGetTheSameAnswerFromBothParsers()
    {
        Timestamps.Sample(timestamp => AssertSameAnswer(Encoding.UTF8.GetBytes(
            $$"""{"cameraId":"c","timestamp":"{{timestamp}}","plate":"AB1"}""")), iter: 20_000);
    }

    [Fact]
    public void TimestampsWithOneByteChangedGetTheSameAnswerFromBothParsers()
    {
        // Every position of the long and the short form, set to each byte that has a meaning in some position.
        foreach (var timestamp in new[] { "2026-12-04T09:15:30.1234567-01:00", "2026-12-04T10:15:30Z", "2026-12-04T10:15:30.5+00:00" })
        {
            for (var position = 0; position < timestamp.Length; position++)
            {
                foreach (var replacement in "0123456789-:T.Z+ /z\u007F")
                {
                    var changed = timestamp[..position] + replacement + timestamp[(position + 1)..];
                    AssertSameAnswer(Encoding.UTF8.GetBytes($$"""{"cameraId":"c","timestamp":"{{changed}}","plate":"AB1"}"""));
                }
            }
        }
    }

    [Fact]
    public void EverySimpleDecimalIsConvertedExactlyAsTheGeneralParserDoes()
    {
        Gen.Select(Gen.Int[0, 999_999], Gen.Int[0, 9]).Sample((mantissa, scale) =>
        {
            var number = (mantissa / Math.Pow(10, scale)).ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
            AssertSameAnswer(Encoding.UTF8.GetBytes($$"""{"cameraId":"c","timestamp":"2026-12-04T10:15:30Z","plate":"AB1","lon":{{number}},"lat":-{{number}}}"""));
        }, iter: 20_000);
    }
}
