using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AnprExchange.Cli.Tests.EdgeAgent;

/// <summary>`anpr agent` in its own process (embedded cluster), driven by `anpr simulate` in another, stopped with SIGTERM.</summary>
public sealed class AgentVerbTests
{
    [Fact]
    public async Task SimulatedCamerasGetEveryReadAnsweredByAnAgentProcess()
    {
        var ct = TestContext.Current.CancellationToken;
        var anpr = Path.Combine(AppContext.BaseDirectory, "anpr.dll");
        var spool = Path.Combine(Path.GetTempPath(), $"anpr-agent-verb-{Guid.NewGuid():N}");
        var tcp = FreePort();
        var http = FreePort();
        using var agent = Start(anpr, "agent", "--spool", spool, "--tcp-port", Port(tcp), "--http-port", Port(http), "--country", "NL");
        try
        {
            using (var probe = new HttpClient())
            {
                await WaitUntilAsync(async () => (await probe.GetAsync($"http://127.0.0.1:{http}/health/ready", ct)).IsSuccessStatusCode, ct);
            }

            using var simulate = Start(anpr, "simulate", "--agent", $"127.0.0.1:{tcp}", "--cameras", "3", "--rate", "300", "--duration", "2s", "--invalid-percent", "10");
            var summary = await simulate.StandardOutput.ReadToEndAsync(ct);
            await simulate.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
            Assert.Equal(0, simulate.ExitCode);
            Assert.Contains("unanswered 0", summary, StringComparison.Ordinal);
            Assert.Contains("plate_invalid_character", summary, StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", agent.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }
            await agent.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.Equal(0, agent.ExitCode);
            Assert.True(File.Exists(Path.Combine(spool, "released.chk")), "the released watermark is saved on shutdown");
        }
        finally
        {
            if (!agent.HasExited)
            {
                agent.Kill();
            }
            if (Directory.Exists(spool))
            {
                Directory.Delete(spool, recursive: true);
            }
        }
    }

    [Fact]
    public async Task AgentHelpListsItsOptions()
    {
        using var help = Start(Path.Combine(AppContext.BaseDirectory, "anpr.dll"), "agent", "--help");
        var text = await help.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await help.WaitForExitAsync(TestContext.Current.CancellationToken);
        foreach (var option in new[] { "--bootstrap-servers", "--tcp-port", "--http-port", "--spool", "--country", "--fsync", "--max-spool-bytes" })
        {
            Assert.Contains(option, text, StringComparison.Ordinal);
        }
    }

    private static Process Start(string anpr, params string[] args) =>
        Process.Start(new ProcessStartInfo("dotnet", ["exec", anpr, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        for (var i = 0; i < 600; i++)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100, ct);
        }
        Assert.Fail("the agent did not become ready within 60 s");
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
