using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AnprExchange.EdgeAgent.Client;

namespace AnprExchange.EdgeAgent.Tests.Client;

public sealed class EdgeAgentClientTests
{
    private static CameraRead Read(int i) => new() { CameraId = "cam-1", Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(i), Plate = $"AB{i}" };

    private static string ReadIdOf(string line) => JsonDocument.Parse(line).RootElement.GetProperty("readId").GetString()!;

    [Fact]
    public async Task UnansweredReadsAreResentInOrderAfterTheConnectionDrops()
    {
        var ct = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var seen = new List<string>();

        var agent = Task.Run(async () =>
        {
            // First connection: answer 3 reads, then read 2 more without answering and drop the connection.
            using (var first = await listener.AcceptTcpClientAsync(ct))
            using (var reader = new StreamReader(first.GetStream()))
            {
                var writer = first.GetStream();
                for (var i = 0; i < 5; i++)
                {
                    var line = (await reader.ReadLineAsync(ct))!;
                    seen.Add(ReadIdOf(line));
                    if (i < 3)
                    {
                        await writer.WriteAsync(Encoding.UTF8.GetBytes($"ok {ReadIdOf(line)}\n"), ct);
                    }
                }
            }
            // Second connection: answer everything; the last read is refused.
            using var second = await listener.AcceptTcpClientAsync(ct);
            using var reader2 = new StreamReader(second.GetStream());
            for (var i = 0; i < 7; i++)
            {
                var line = (await reader2.ReadLineAsync(ct))!;
                seen.Add(ReadIdOf(line));
                var reply = i == 6 ? "err plate_invalid_character\n" : $"ok {ReadIdOf(line)}\n";
                await second.GetStream().WriteAsync(Encoding.UTF8.GetBytes(reply), ct);
            }
        }, ct);

        await using var client = new EdgeAgentClient(new EdgeAgentClientOptions { Host = "127.0.0.1", Port = port, ReconnectDelay = TimeSpan.FromMilliseconds(50) });
        var sends = Enumerable.Range(0, 10).Select(i => client.SendAsync(Read(i), ct)).ToArray();
        var acks = await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(60), ct);
        await agent.WaitAsync(TimeSpan.FromSeconds(60), ct);

        Assert.All(acks[..9], a => Assert.True(a.IsAccepted));
        Assert.Equal("plate_invalid_character", acks[9].Error);
        Assert.Equal(1, client.Reconnects);
        Assert.Equal(0, client.Unacknowledged);
        // Reads 3 and 4 went twice, in order; nothing was skipped.
        var ids = acks.Select(a => a.ReadId).ToArray();
        Assert.Equal(ids[..5].Concat(ids[3..]), seen);
    }
}
