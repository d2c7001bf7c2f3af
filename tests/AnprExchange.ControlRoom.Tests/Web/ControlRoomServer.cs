using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Hosting;
using AnprExchange.ControlRoom.Kafka;
using AnprExchange.Kafka;
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AnprExchange.ControlRoom.Tests.Web;

/// <summary>A control room web console on 127.0.0.1 (random port) over a test's own embedded cluster.</summary>
internal sealed class ControlRoomServer : IAsyncDisposable
{
    public const string Country = "BE";

    private ControlRoomServer(WebApplication app, Uri address)
    {
        App = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public ControlRoomStatus Status => App.Services.GetRequiredService<ControlRoomStatus>();

    public static void CreateTopics(EmbeddedKafkaCluster cluster)
    {
        cluster.CreateTopic(AnprTopics.Alerts(Country), 2);
        cluster.CreateTopic(AnprTopics.AlertAcks(Country), 1);
        cluster.CreateTopic(AnprTopics.Audit(Country), 1);
        cluster.CreateTopic(AnprTopics.Rejected(Country), 1);
    }

    public static async Task<ControlRoomServer> StartAsync(EmbeddedKafkaCluster cluster, string room, string? group = null, string url = "http://127.0.0.1:0")
    {
        var settings = new Dictionary<string, string?>
        {
            ["ControlRoom:Room"] = room,
            ["ControlRoom:Country"] = Country,
            ["ControlRoom:ConsumerGroup"] = group,
            ["Kafka:BootstrapServers"] = cluster.BootstrapServers,
            // The mock cluster does not let a restarted member in before the old member's session times out (45 s by default).
            ["Kafka:Settings:session.timeout.ms"] = "6000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = ControlRoomApp.CreateWeb(settings, url);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var server = new ControlRoomServer(app, new Uri(address));
        await Eventually.TrueAsync(() => server.Status.Assigned, "the consumer got its partitions");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }
}

/// <summary>Produces and reads the control room's topics as another service would.</summary>
internal static class TopicClient
{
    public static async Task ProduceAlertAsync(string bootstrapServers, Alert alert)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers }).Build();
        await producer.ProduceAsync(AnprTopics.Alerts(ControlRoomServer.Country),
            new Message<string, byte[]> { Key = alert.ControlRoom, Value = AnprCodecs.Alert.Encode(alert) }, TestContext.Current.CancellationToken);
    }

    public static async Task ProduceRawAsync(string bootstrapServers, string topic, byte[] value)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers }).Build();
        await producer.ProduceAsync(topic, new Message<string, byte[]> { Key = "x", Value = value }, TestContext.Current.CancellationToken);
    }

    /// <summary>Reads a topic from the beginning until <paramref name="count"/> messages arrived or the timeout passed.</summary>
    public static List<byte[]> Read(string bootstrapServers, string topic, int count, TimeSpan? timeout = null)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "test-reader-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
        consumer.Subscribe(topic);
        var values = new List<byte[]>();
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
        while (values.Count < count && Environment.TickCount64 < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result?.Message?.Value is { } value)
            {
                values.Add(value);
            }
        }
        consumer.Close();
        return values;
    }
}

internal static class Eventually
{
    /// <summary>Polls until the condition holds; generous timeout because the machine is small and shared.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = Environment.TickCount64 + (long)(timeout ?? TimeSpan.FromSeconds(60)).TotalMilliseconds;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
