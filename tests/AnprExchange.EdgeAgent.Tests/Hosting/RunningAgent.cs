using System.Net;
using System.Net.Sockets;
using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.EdgeAgent.Hosting;
using AnprExchange.Kafka;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;

namespace AnprExchange.EdgeAgent.Tests.Hosting;

/// <summary>A whole edge agent (Kestrel TCP + HTTP, spool, forwarder) on an embedded cluster, on free local ports.</summary>
internal sealed class RunningAgent : IAsyncDisposable
{
    public const string Country = "BE";

    private RunningAgent(WebApplication app, int tcpPort, int httpPort)
    {
        App = app;
        TcpPort = tcpPort;
        HttpPort = httpPort;
    }

    public WebApplication App { get; }
    public int TcpPort { get; }
    public int HttpPort { get; }
    public Uri HttpBase => new($"http://127.0.0.1:{HttpPort}");

    public static async Task<RunningAgent> StartAsync(string bootstrapServers, string spoolDirectory, IDictionary<string, string?>? extra = null)
    {
        var tcp = FreePort();
        var http = FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["EdgeAgent:Country"] = Country,
            ["EdgeAgent:TcpPort"] = tcp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EdgeAgent:HttpPort"] = http.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["EdgeAgent:Spool:Directory"] = spoolDirectory,
            ["EdgeAgent:RetryBackoff"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        var app = EdgeAgentApp.Create(settings);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new RunningAgent(app, tcp, http);
    }

    public static EmbeddedKafkaCluster StartCluster(int brokers = 1)
    {
        var cluster = EmbeddedKafkaCluster.Start(brokers);
        cluster.CreateTopic(AnprTopics.Reads(Country), partitions: 4);
        cluster.CreateTopic(AnprTopics.Rejected(Country), partitions: 1);
        return cluster;
    }

    /// <summary>Reads in the reads topic until <paramref name="expected"/> distinct read ids were seen or the time is up.</summary>
    public static List<(string Key, PlateRead Read)> ConsumeReads(string bootstrapServers, int expected, TimeSpan timeout) =>
        Consume(bootstrapServers, AnprTopics.Reads(Country), expected, timeout, b => AnprCodecs.PlateRead.Decode(b), r => r.ReadId);

    public static List<(string Key, RejectedInput Read)> ConsumeRejected(string bootstrapServers, int expected, TimeSpan timeout) =>
        Consume(bootstrapServers, AnprTopics.Rejected(Country), expected, timeout, b => AnprCodecs.RejectedInput.Decode(b), r => r.Reason + r.ReceivedAt.Ticks);

    private static List<(string Key, T Value)> Consume<T>(string bootstrapServers, string topic, int expected, TimeSpan timeout, Func<byte[], T> decode, Func<T, string> id)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "test-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(topic);
        var values = new List<(string, T)>();
        var distinct = new HashSet<string>();
        var deadline = DateTime.UtcNow + timeout;
        while (distinct.Count < expected && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message is { } message)
            {
                var value = decode(message.Value);
                values.Add((message.Key, value));
                distinct.Add(id(value));
            }
        }
        consumer.Close();
        return values;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}
