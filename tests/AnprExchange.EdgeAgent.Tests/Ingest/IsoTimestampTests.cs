using System.Runtime.Intrinsics.X86;
using System.Text;
using AnprExchange.EdgeAgent.Ingest;
using CsCheck;

namespace AnprExchange.EdgeAgent.Tests.Ingest;

public sealed class IsoTimestampTests
{
    [Fact]
    public void TheVectorAndTheWordHeadReadersAgreeOnEveryGeneratedHead()
    {
        Assert.SkipUnless(Ssse3.IsSupported, "The vector head reader needs SSSE3.");
        // Mostly well-formed heads with one or two bytes changed, so that both outcomes come up often.
        var heads = Gen.Select(Gen.Int[0, 99_999_999], Gen.Int[0, 18], Gen.Char["0123456789-:T /9Z"], Gen.Int[0, 18], Gen.Char["0123456789-:T"])
            .Select((seed, at1, c1, at2, c2) =>
            {
                var head = new StringBuilder($"{seed % 10000:D4}-{seed / 10000 % 100:D2}-{seed / 100 % 100:D2}T{seed % 100:D2}:{seed / 7 % 100:D2}:{seed / 3 % 100:D2}");
                head[at1] = c1;
                head[at2] = c2;
                return head.ToString();
            });
        heads.Sample(head =>
        {
            var bytes = Encoding.ASCII.GetBytes(head + ".1234567+01:00\"}");
            var vector = IsoTimestamp.TryReadHeadVector(ref bytes[0], out var y1, out var mo1, out var d1, out var h1, out var mi1, out var s1);
            var scalar = IsoTimestamp.TryReadHeadScalar(ref bytes[0], out var y2, out var mo2, out var d2, out var h2, out var mi2, out var s2);
            Assert.Equal(scalar, vector);
            Assert.Equal((y2, mo2, d2, h2, mi2, s2), (y1, mo1, d1, h1, mi1, s1));
        }, iter: 50_000);
    }
}
