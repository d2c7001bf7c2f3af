using System.Collections.Concurrent;
using System.Diagnostics;
using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Cli.Tests.ControlRoom;

/// <summary>`anpr controlroom --console`: alerts printed in the terminal, with the plate masked (logs never carry full plates).</summary>
public sealed class ControlRoomConsoleModeTests
{
    [Fact]
    public async Task ConsoleModePrintsAlertsWithMaskedPlates()
    {
        var ct = TestContext.Current.CancellationToken;
        using var cluster = EmbeddedKafkaCluster.Start();
        new EmbeddedClusterLayout(["BE"]).CreateTopics(cluster);
        var lines = new ConcurrentQueue<string>();
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "anpr.dll"), "controlroom", "--room", "cr-ghent",
                "--country", "BE", "--console", "--bootstrap-servers", cluster.BootstrapServers])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            },
        };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitForLineAsync(lines, "consuming", process, ct);
            using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
            {
                await producer.ProduceAsync(AnprTopics.Alerts("BE"), new Message<string, byte[]> { Key = "cr-ghent", Value = AnprCodecs.Alert.Encode(Alert()) }, ct);
            }

            var alertLine = await WaitForLineAsync(lines, "ALERT", process, ct);

            Assert.Contains("1A***", alertLine, StringComparison.Ordinal);
            Assert.Contains("cam-17", alertLine, StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.Contains("1ABC123", StringComparison.Ordinal));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static Alert Alert() => new()
    {
        AlertId = "a-console-1",
        ReadId = "r-1",
        CameraId = "cam-17",
        Timestamp = DateTimeOffset.UtcNow,
        Plate = "1ABC123",
        RaisedAt = DateTimeOffset.UtcNow,
        ControlRoom = "cr-ghent",
        Matches =
        [
            new AlertMatch
            {
                EntryId = "e-1", SourceCountry = "NL", List = "stolen", Category = HotlistCategory.StolenVehicle, Action = HotlistAction.Stop,
                Priority = 1, MatchKind = MatchKind.Exact, Reference = "NL-1",
            },
        ],
    };

    private static async Task<string> WaitForLineAsync(ConcurrentQueue<string> lines, string text, Process process, CancellationToken ct)
    {
        var deadline = Environment.TickCount64 + 90_000;
        while (Environment.TickCount64 < deadline && !process.HasExited)
        {
            var line = lines.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            await Task.Delay(100, ct);
        }
        Assert.Fail($"no line with '{text}' (exited: {process.HasExited}); output:\n{string.Join('\n', lines)}");
        return "";
    }
}
