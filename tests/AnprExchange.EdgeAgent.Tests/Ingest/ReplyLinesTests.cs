using System.Buffers;
using System.Text;
using AnprExchange.EdgeAgent.Ingest;

namespace AnprExchange.EdgeAgent.Tests.Ingest;

public sealed class ReplyLinesTests
{
    [Fact]
    public void LinesAcrossManyBuffersComeOutWholeAndInOrderOnceCommitted()
    {
        var output = new ArrayBufferWriter<byte>(16);
        var lines = new ReplyLines(output);
        var expected = new StringBuilder();
        // Ids of 1 to 40 bytes (the short copy's cases and the long one), ~50,000 bytes: the space is renewed often.
        for (var i = 0; i < 2000; i++)
        {
            var id = $"cam-{i}:" + new string('x', i % 33);
            var word = i % 7 == 0 ? "err " : "ok ";
            lines.Write(Encoding.ASCII.GetBytes(word), Encoding.ASCII.GetBytes(id));
            expected.Append(word).Append(id).Append('\n');
            if (i == 10)
            {
                Assert.Equal(0, output.WrittenCount);
            }
        }
        lines.Commit();
        Assert.Equal(expected.ToString(), Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Fact]
    public void ALineLongerThanTheUsualSpaceStillFits()
    {
        var output = new ArrayBufferWriter<byte>();
        var lines = new ReplyLines(output);
        var id = new string('y', 40_000);
        lines.Write("ok "u8, Encoding.ASCII.GetBytes(id));
        lines.Commit();
        Assert.Equal("ok " + id + "\n", Encoding.ASCII.GetString(output.WrittenSpan));
    }
}
