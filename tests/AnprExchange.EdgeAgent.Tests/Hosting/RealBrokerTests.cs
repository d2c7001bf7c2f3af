using AnprExchange.EdgeAgent.Client;
using AnprExchange.Kafka;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Testcontainers.Kafka;

namespace AnprExchange.EdgeAgent.Tests.Hosting;

/// <summary>The client-to-topic case on a real Apache Kafka broker (Testcontainers); skipped, with the reason, without Docker.</summary>
public sealed class RealBrokerTests : IDisposable
{
    private readonly TempSpoolDirectory _spool = new();

    [Fact]
    public async Task ReadsSentThroughTheClientArriveOnARealKafkaBroker()
    {
        var socket = Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "unix:///var/run/docker.sock";
        if (socket.StartsWith("unix://", StringComparison.Ordinal) && !File.Exists(socket["unix://".Length..]))
        {
            Assert.Skip($"Real-broker run skipped: no Docker engine socket at {socket}. The same case runs on the embedded cluster (EdgeAgentEndToEndTests).");
        }
        var ct = TestContext.Current.CancellationToken;
        await using var kafka = new KafkaBuilder("apache/kafka:3.9.1").Build();
        await kafka.StartAsync(ct);
        var servers = kafka.GetBootstrapAddress();
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = servers }).Build())
        {
            await admin.CreateTopicsAsync(
            [
                new TopicSpecification { Name = AnprTopics.Reads(RunningAgent.Country), NumPartitions = 4, ReplicationFactor = 1 },
                new TopicSpecification { Name = AnprTopics.Rejected(RunningAgent.Country), NumPartitions = 1, ReplicationFactor = 1 },
            ]);
        }
        await using var agent = await RunningAgent.StartAsync(servers, _spool.Path);
        await using var client = new EdgeAgentClient(new EdgeAgentClientOptions { Host = "127.0.0.1", Port = agent.TcpPort });
        var acks = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => client.SendAsync(new CameraRead
        {
            CameraId = $"cam-{i % 5}",
            Timestamp = DateTimeOffset.UtcNow,
            Plate = $"1-XYZ-{i % 1000:D3}",
        }, ct)));
        Assert.All(acks, a => Assert.True(a.IsAccepted, a.Error));
        var reads = RunningAgent.ConsumeReads(servers, 1000, TimeSpan.FromSeconds(120));
        Assert.Equal(acks.Select(a => a.ReadId).Order(), reads.Select(r => r.Read.ReadId).Distinct().Order());
    }

    public void Dispose() => _spool.Dispose();
}
