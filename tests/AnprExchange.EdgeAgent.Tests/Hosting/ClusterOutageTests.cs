using AnprExchange.EdgeAgent.Client;

namespace AnprExchange.EdgeAgent.Tests.Hosting;

public sealed class ClusterOutageTests : IDisposable
{
    private readonly TempSpoolDirectory _spool = new();

    [Fact]
    public async Task EveryAcceptedReadReachesTheReadsTopicAfterAllBrokersWereDownForTenSeconds()
    {
        const int Reads = 20_000;
        const int Cameras = 4;
        var ct = TestContext.Current.CancellationToken;
        using var cluster = RunningAgent.StartCluster(brokers: 3);
        // A message timeout well inside the outage, so deliveries fail and the forwarder must keep and resend them.
        await using var agent = await RunningAgent.StartAsync(cluster.BootstrapServers, _spool.Path, new Dictionary<string, string?>
        {
            ["Kafka:Settings:message.timeout.ms"] = "3000",
        });
        var clients = Enumerable.Range(0, Cameras)
            .Select(_ => new EdgeAgentClient(new EdgeAgentClientOptions { Host = "127.0.0.1", Port = agent.TcpPort }))
            .ToArray();
        try
        {
            cluster.SetAllBrokersDown();
            var outage = Task.Delay(TimeSpan.FromSeconds(10), ct).ContinueWith(_ => cluster.SetAllBrokersUp(), ct, TaskContinuationOptions.None, TaskScheduler.Default);
            var sending = Enumerable.Range(0, Cameras).Select(c => Task.Run(async () =>
            {
                var acks = new List<Task<ReadAck>>();
                for (var i = 0; i < Reads / Cameras; i++)
                {
                    acks.Add(clients[c].SendAsync(new CameraRead
                    {
                        CameraId = $"cam-{c}",
                        Timestamp = DateTimeOffset.UtcNow,
                        Plate = $"{c}-XYZ-{i % 1000:D3}",
                    }, ct));
                    if (i % 500 == 499)
                    {
                        // Spread the reads over the outage (about 2,000 reads/s in all).
                        await Task.Delay(1000, ct);
                    }
                }
                return await Task.WhenAll(acks);
            }, ct)).ToArray();
            var accepted = (await Task.WhenAll(sending)).SelectMany(a => a).ToArray();
            await outage;

            Assert.All(accepted, a => Assert.True(a.IsAccepted, a.Error));
            Assert.Equal(Reads, accepted.Length);
            var reads = RunningAgent.ConsumeReads(cluster.BootstrapServers, Reads, TimeSpan.FromSeconds(120));
            var seen = reads.Select(r => r.Read.ReadId).ToHashSet();
            var missing = accepted.Select(a => a.ReadId).Where(id => !seen.Contains(id)).ToList();
            TestContext.Current.TestOutputHelper?.WriteLine($"accepted {accepted.Length}, records {reads.Count}, distinct {seen.Count}, duplicates {reads.Count - seen.Count}, missing {missing.Count}");
            Assert.Empty(missing);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    public void Dispose() => _spool.Dispose();
}
