using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AnprExchange.Cli.Tests.ControlRoom;

/// <summary>`anpr controlroom` as an operator starts it: its own process, embedded cluster, web console, stopped with SIGTERM.</summary>
public sealed class ControlRoomVerbTests
{
    [Fact]
    public async Task ControlRoomServesTheConsoleAndStopsCleanlyOnSigterm()
    {
        var ct = TestContext.Current.CancellationToken;
        var anpr = Path.Combine(AppContext.BaseDirectory, "anpr.dll");
        Assert.True(File.Exists(anpr), $"expected the anpr command next to the tests at {anpr}");
        var port = FreePort();
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", anpr, "controlroom", "--room", "cr-test", "--country", "NL", "--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var room = await PollAsync(() => http.GetStringAsync("/api/room", ct), process, ct);
            Assert.Contains("\"room\":\"cr-test\"", room, StringComparison.Ordinal);
            Assert.Contains("\"country\":\"NL\"", room, StringComparison.Ordinal);
            Assert.Equal("[]", await http.GetStringAsync("/api/alerts", ct));
            Assert.Contains("EventSource", await http.GetStringAsync("/", ct), StringComparison.Ordinal);

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }
            await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}; stderr: {await stderr}; stdout: {await stdout}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void ControlRoomRefusesToStartWithoutARoom()
    {
        var parse = AnprCommand.Create().Parse(["controlroom", "--http-port", "0"]);

        Assert.NotEmpty(parse.Errors);
        Assert.Contains(parse.Errors, e => e.Message.Contains("--room", StringComparison.Ordinal));
    }

    private static async Task<string> PollAsync(Func<Task<string>> get, Process process, CancellationToken ct)
    {
        var deadline = Environment.TickCount64 + 90_000;
        while (true)
        {
            try
            {
                return await get();
            }
            catch (HttpRequestException) when (Environment.TickCount64 < deadline && !process.HasExited)
            {
                await Task.Delay(200, ct);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
