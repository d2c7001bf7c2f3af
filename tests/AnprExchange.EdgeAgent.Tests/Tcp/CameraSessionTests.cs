using System.IO.Pipelines;
using System.Text;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Tcp;

namespace AnprExchange.EdgeAgent.Tests.Tcp;

public sealed class CameraSessionTests : IDisposable
{
    private readonly TempSpoolDirectory _directory = new();

    private static string Lines(int from, int count, Func<int, string>? readId = null) =>
        string.Concat(Enumerable.Range(from, count).Select(i => Samples.Line(readId?.Invoke(i) ?? $"r-{i}") + "\n"));

    private static string Oks(int from, int count) => string.Concat(Enumerable.Range(from, count).Select(i => $"ok r-{i}\n"));

    /// <summary>
    /// Runs a session over two pipes: <paramref name="socket"/> is written as given (each part flushed), then the
    /// camera's side is closed. <paramref name="onReplies"/> sees the reply bytes received so far each time more come.
    /// </summary>
    private static async Task<string> ExchangeAsync(ReadSpool spool, IEnumerable<byte[]> socket, int maxLine = 8 * 1024, Action<string>? onReplies = null)
    {
        var input = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var output = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var session = new CameraSession(Samples.Processor(spool, maxLine: maxLine), spool, maxLine);
        var cancel = TestContext.Current.CancellationToken;
        var running = session.RunAsync(input.Reader, output.Writer, cancel);
        var replies = new StringBuilder();
        var reading = Task.Run(async () =>
        {
            while (true)
            {
                var result = await output.Reader.ReadAsync(cancel);
                foreach (var segment in result.Buffer)
                {
                    replies.Append(Encoding.UTF8.GetString(segment.Span));
                }
                output.Reader.AdvanceTo(result.Buffer.End);
                onReplies?.Invoke(replies.ToString());
                if (result.IsCompleted)
                {
                    return;
                }
            }
        }, cancel);
        foreach (var part in socket)
        {
            await input.Writer.WriteAsync(part, cancel);
        }
        await input.Writer.CompleteAsync();
        await running;
        await output.Writer.CompleteAsync();
        await reading;
        return replies.ToString();
    }

    private static IEnumerable<byte[]> InParts(string text, int partLength)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        for (var at = 0; at < bytes.Length; at += partLength)
        {
            yield return bytes[at..Math.Min(bytes.Length, at + partLength)];
        }
    }

    [Fact]
    public async Task EveryOkArrivesOnlyAfterItsReadIsCommitted()
    {
        using var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        var violations = new List<string>();
        var replies = await ExchangeAsync(spool, InParts(Lines(0, 3000), 7 * 1024), onReplies: received =>
        {
            // A fresh spool numbers the reads 1, 2, …: the n-th ok must have read n committed.
            var oks = received.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal));
            var committed = spool.CommittedSequence;
            if (committed < oks)
            {
                violations.Add($"{oks} oks received with {committed} reads committed");
            }
        });
        Assert.Empty(violations);
        Assert.Equal(Oks(0, 3000), replies);
    }

    [Fact]
    public async Task ABufferLargerThanASliceIsParsedASliceAtATimeWithLinesAcrossTheCutsTakenWhole()
    {
        using var spool = new ReadSpool(_directory.Options());
        // ~1.9 MB in one write: the session's first read sees all of it, more than seven slices, and lines of varying
        // length put the cuts inside lines.
        var text = Lines(0, 9000, i => $"r-{i}" + new string('x', i % 37));
        var replies = await ExchangeAsync(spool, [Encoding.UTF8.GetBytes(text)]);
        Assert.Equal(string.Concat(Enumerable.Range(0, 9000).Select(i => $"ok r-{i}{new string('x', i % 37)}\n")), replies);
        Assert.Equal(9000, spool.CommittedSequence);
    }

    [Fact]
    public async Task AnOverlongLineAcrossASliceCutIsRejectedAndTheLinesAfterItAnswered()
    {
        using var spool = new ReadSpool(_directory.Options());
        var filler = 0;
        var lines = new StringBuilder();
        var count = 0;
        while (filler < CameraSession.SliceBytes - 5000)
        {
            var line = Lines(count++, 1);
            lines.Append(line);
            filler += line.Length;
        }
        // 20 KB of junk from ~5 KB before the first cut to ~15 KB after it.
        lines.Append(new string('j', 20 * 1024)).Append('\n');
        lines.Append(Lines(count, 3));
        var replies = await ExchangeAsync(spool, [Encoding.UTF8.GetBytes(lines.ToString())]);
        Assert.Equal(Oks(0, count) + "err line_too_long\n" + Oks(count, 3), replies);
    }

    [Fact]
    public async Task ALastLineWithoutANewlineIsAnsweredWhenTheCameraClosesItsSide()
    {
        using var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        var replies = await ExchangeAsync(spool, [Encoding.UTF8.GetBytes(Lines(0, 2) + Samples.Line("r-2"))]);
        Assert.Equal(Oks(0, 3), replies);
        Assert.Equal(3, spool.CommittedSequence);
    }

    [Fact]
    public async Task RepliesToRejectedLinesKeepTheirPlaceAmongTheOks()
    {
        using var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        var text = Lines(0, 2) + "{\"readId\":\"bad\"}\n" + Lines(2, 2) + "not json\n" + Lines(4, 1);
        var replies = await ExchangeAsync(spool, InParts(text, 100));
        var expected = Oks(0, 2) + "err missing_camera_id\n" + Oks(2, 2) + "err malformed_json\n" + Oks(4, 1);
        Assert.Equal(expected, replies);
    }

    [Fact]
    public async Task RepliesArriveWhileTheCameraWaitsForThemWithTheConnectionOpen()
    {
        using var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        var input = new Pipe();
        var output = new Pipe();
        var cancel = TestContext.Current.CancellationToken;
        var session = new CameraSession(Samples.Processor(spool), spool, 8 * 1024);
        var running = session.RunAsync(input.Reader, output.Writer, cancel);
        var received = new StringBuilder();
        for (var round = 0; round < 3; round++)
        {
            // The session is waiting on the socket when the commit completes: the committer must wake it.
            await input.Writer.WriteAsync(Encoding.UTF8.GetBytes(Lines(round * 2, 2)), cancel);
            while (received.ToString() != Oks(0, (round + 1) * 2))
            {
                var result = await output.Reader.ReadAsync(cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancel);
                foreach (var segment in result.Buffer)
                {
                    received.Append(Encoding.UTF8.GetString(segment.Span));
                }
                output.Reader.AdvanceTo(result.Buffer.End);
            }
        }
        Assert.False(running.IsCompleted);
        await input.Writer.CompleteAsync();
        await running;
        Assert.Equal(6, spool.CommittedSequence);
    }

    public void Dispose() => _directory.Dispose();
}
