using AnprExchange.Contracts.Avro;

namespace AnprExchange.Contracts.Tests.Avro;

/// <summary>Whatever bytes a decoder is given, it returns a record or throws AvroContractException, nothing else.</summary>
public sealed class MalformedMessageTests
{
    [Theory]
    [MemberData(nameof(CodecCases.Names), MemberType = typeof(CodecCases))]
    public void WrongMagicBytesAreRejectedWithAClearMessage(string name)
    {
        var c = CodecCases.ByName[name];
        foreach (var (index, value) in new[] { (0, (byte)0x00), (1, (byte)0x00), (0, (byte)'{') })
        {
            var message = (byte[])c.Message.Clone();
            message[index] = value;
            var ex = Assert.Throws<AvroContractException>(() => c.Decode(message));
            Assert.Contains("magic", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CodecCases.Names), MemberType = typeof(CodecCases))]
    public void AnUnknownFingerprintIsRejectedNamingTheRecordType(string name)
    {
        var c = CodecCases.ByName[name];
        var message = (byte[])c.Message.Clone();
        message[5] ^= 0x5A;
        var ex = Assert.Throws<AvroContractException>(() => c.Decode(message));
        Assert.Contains("unknown writer schema fingerprint", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(name.Split('.')[0].Replace("Minimal", "", StringComparison.Ordinal), ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CodecCases.Names), MemberType = typeof(CodecCases))]
    public void EveryTruncationOfAValidMessageIsRejected(string name)
    {
        var c = CodecCases.ByName[name];
        for (var length = 0; length < c.Message.Length; length++)
        {
            var prefix = c.Message[..length];
            Assert.Throws<AvroContractException>(() => c.Decode(prefix));
        }
    }

    [Theory]
    [MemberData(nameof(CodecCases.Names), MemberType = typeof(CodecCases))]
    public void TrailingBytesAfterAValidMessageAreRejected(string name)
    {
        var c = CodecCases.ByName[name];
        var ex = Assert.Throws<AvroContractException>(() => c.Decode([.. c.Message, 0]));
        Assert.Contains("unexpected bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CodecCases.Names), MemberType = typeof(CodecCases))]
    public void AHugeLengthPrefixIsRejectedWithoutAllocatingIt(string name)
    {
        var c = CodecCases.ByName[name];
        // The first field of every record is a string: claim it is ~2^62 bytes, then ~2 GB long.
        foreach (byte[] length in new[] { new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, [0xFE, 0xFF, 0xFF, 0xFF, 0x0F] })
        {
            var message = HistoricMessages.Frame(c.Fingerprint, [.. length, .. new byte[16]]);
            Assert.Throws<AvroContractException>(() => c.Decode(message));
        }
    }

    [Fact]
    public void AHugeArrayCountIsRejectedBeforeReadingItems()
    {
        // The first byte where an alert without matches and one with a single match differ is the array's item count.
        var none = AnprCodecs.Alert.Encode(Samples.MinimalAlert());
        var one = AnprCodecs.Alert.Encode(Samples.MinimalAlert() with { Matches = [Samples.Match()] });
        var index = Enumerable.Range(0, none.Length).First(i => none[i] != one[i]);
        Assert.Equal(2, one[index]); // zig-zag 1
        // Claim ~2^31 matches while only one follows.
        byte[] message = [.. one[..index], 0xFE, 0xFF, 0xFF, 0xFF, 0x0F, .. one[(index + 1)..]];
        var ex = Assert.Throws<AvroContractException>(() => AnprCodecs.Alert.Decode(message));
        Assert.Contains("matches", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CodecCases.Names), MemberType = typeof(CodecCases))]
    public void RandomBodiesBehindAValidHeaderNeverThrowAnythingElse(string name)
    {
        var c = CodecCases.ByName[name];
        var random = new Random(name.Length * 7919);
        for (var i = 0; i < 10_000; i++)
        {
            var body = new byte[random.Next(0, 96)];
            random.NextBytes(body);
            AssertDecodesOrRejects(c, HistoricMessages.Frame(c.Fingerprint, body));
        }
    }

    [Theory]
    [MemberData(nameof(CodecCases.Names), MemberType = typeof(CodecCases))]
    public void RandomMutationsOfAValidMessageNeverThrowAnythingElse(string name)
    {
        var c = CodecCases.ByName[name];
        var random = new Random(name.Length * 104_729);
        for (var i = 0; i < 10_000; i++)
        {
            var message = (byte[])c.Message.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                var at = random.Next(SingleObjectEncoding.HeaderLength, message.Length);
                message[at] = (byte)random.Next(256);
            }
            AssertDecodesOrRejects(c, message[..random.Next(SingleObjectEncoding.HeaderLength, message.Length + 1)]);
        }
    }

    [Fact]
    public void RandomBytesWithoutAHeaderAreRejected()
    {
        var random = new Random(12345);
        for (var i = 0; i < 10_000; i++)
        {
            var data = new byte[random.Next(0, 64)];
            random.NextBytes(data);
            if (data.Length >= 2 && data[0] == 0xC3 && data[1] == 0x01)
            {
                data[1] = 0x02;
            }
            Assert.Throws<AvroContractException>(() => AnprCodecs.PlateRead.Decode(data));
        }
    }

    private static void AssertDecodesOrRejects(CodecCases.Case c, byte[] message)
    {
        try
        {
            c.Decode(message);
        }
        catch (AvroContractException ex)
        {
            Assert.False(string.IsNullOrEmpty(ex.Message));
        }
        catch (Exception ex)
        {
            Assert.Fail($"{c.Name}: {ex.GetType().Name} instead of AvroContractException for {Convert.ToHexString(message)}: {ex}");
        }
    }
}
