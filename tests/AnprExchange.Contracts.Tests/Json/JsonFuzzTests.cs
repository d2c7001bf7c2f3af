using System.Text;
using System.Text.Json;
using AnprExchange.Contracts.Json;

namespace AnprExchange.Contracts.Tests.Json;

/// <summary>Mutated and random input: TryParse never throws, AlertJson.Parse throws only JsonException.</summary>
public sealed class JsonFuzzTests
{
    private static readonly byte[] ReadLine = Encoding.UTF8.GetBytes(
        """{"readId":"cam-17:42","cameraId":"cam-17","timestamp":"2026-12-04T10:15:30.123Z","plate":"1-ABC-123","country":"BE","confidence":0.93,"lat":51.2,"lon":4.4,"direction":"in"}""");

    [Fact]
    public void MutatedReadLinesNeverThrow()
    {
        var random = new Random(4242);
        for (var i = 0; i < 20_000; i++)
        {
            var line = Mutate(ReadLine, random);
            var ok = PlateReadJson.TryParse(line, out var read, out var error);
            Assert.True(ok ? read is not null && error is null : read is null && !string.IsNullOrEmpty(error));
        }
    }

    [Fact]
    public void MutatedAlertsThrowOnlyJsonException()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            AlertJson.Write(writer, Samples.FullAlert());
        }
        var alert = stream.ToArray();
        var random = new Random(2424);
        for (var i = 0; i < 20_000; i++)
        {
            var text = Mutate(alert, random);
            try
            {
                AlertJson.Parse(text);
            }
            catch (JsonException)
            {
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            // Mostly JSON punctuation and ASCII, sometimes any byte (invalid UTF-8 included).
            bytes[random.Next(bytes.Length)] = random.Next(4) switch
            {
                0 => (byte)"{}[]\":,"[random.Next(7)],
                1 => (byte)random.Next(256),
                _ => (byte)random.Next(0x20, 0x7F),
            };
        }
        return bytes[..random.Next(bytes.Length + 1)];
    }
}
