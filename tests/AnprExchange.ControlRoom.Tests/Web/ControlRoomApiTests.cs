using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AnprExchange.Contracts.Audit;
using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Kafka;

namespace AnprExchange.ControlRoom.Tests.Web;

/// <summary>The console's HTTP API over a real (embedded) Kafka cluster.</summary>
public sealed class ControlRoomApiTests
{
    private const string Room = "cr-antwerp";

    private static Alert LiveAlert(string id, string plate = "1ABC123", string room = Room) =>
        TestAlerts.Alert(id, plate: plate, room: room, at: DateTimeOffset.UtcNow.AddSeconds(-1));

    private static async Task<JsonElement[]> OpenAlertsAsync(ControlRoomServer server) =>
        (await server.Http.GetFromJsonAsync<JsonElement[]>("/api/alerts", TestContext.Current.CancellationToken))!;

    [Fact]
    public async Task AnAlertOnTheTopicIsListedOnceEvenWhenDeliveredTwice()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);

        var alert = LiveAlert("a-1");
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, alert);
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, alert);
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, LiveAlert("b-1", room: "cr-limburg"));
        await Eventually.TrueAsync(() => server.Status.Duplicates == 1 && server.Status.OtherRooms == 1, "all three deliveries were handled");

        var open = await OpenAlertsAsync(server);
        var only = Assert.Single(open);
        Assert.Equal("a-1", only.GetProperty("alertId").GetString());
        Assert.Equal("1ABC123", only.GetProperty("plate").GetString());
        Assert.Equal("stop", only.GetProperty("action").GetString());
        Assert.Equal("stolen_vehicle", only.GetProperty("matches")[0].GetProperty("category").GetString());
    }

    [Fact]
    public async Task AcknowledgingPublishesTheAckAndClosesTheAlert()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, LiveAlert("a-1"));
        await Eventually.TrueAsync(() => server.Status.Raised == 1, "the alert was raised");

        var response = await server.Http.PostAsJsonAsync("/api/alerts/a-1/ack", new { @operator = "Jan Peeters", outcome = "not_found" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await OpenAlertsAsync(server));
        var ack = AnprCodecs.AlertAcknowledgement.Decode(Assert.Single(TopicClient.Read(cluster.BootstrapServers, AnprTopics.AlertAcks("BE"), 1)));
        Assert.Equal(("a-1", Room, "Jan Peeters", AlertOutcome.NotFound), (ack.AlertId, ack.ControlRoom, ack.Operator, ack.Outcome));
        var audit = TopicClient.Read(cluster.BootstrapServers, AnprTopics.Audit("BE"), 2).Select(b => AuditRecordJson.Deserialize(b)).ToArray();
        Assert.Equal([AuditActions.AlertDelivered, AuditActions.AlertAcknowledged], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(64, a.PlatePseudonym!.Length));
    }

    [Theory]
    [InlineData("{\"operator\":\"jan\",\"outcome\":\"caught\"}", "outcome")]
    [InlineData("{\"outcome\":\"other\"}", "operator")]
    [InlineData("not json", "JSON")]
    public async Task ABadAcknowledgementIsA400ProblemWithTheReason(string body, string reason)
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, LiveAlert("a-1"));
        await Eventually.TrueAsync(() => server.Status.Raised == 1, "the alert was raised");

        var response = await server.Http.PostAsync("/api/alerts/a-1/ack", new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Single(await OpenAlertsAsync(server));
    }

    [Fact]
    public async Task AcknowledgingAnAlertThatIsNotOpenIsA404Problem()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);

        var response = await server.Http.PostAsJsonAsync("/api/alerts/nope/ack", new { @operator = "jan", outcome = "other" },
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AfterARestartOpenAlertsAreRebuiltAndAcknowledgedOnesStayClosed()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using (var first = await ControlRoomServer.StartAsync(cluster, Room))
        {
            await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, LiveAlert("a-1"));
            await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, LiveAlert("a-2", plate: "2DEF456"));
            await Eventually.TrueAsync(() => first.Status.Raised == 2, "both alerts were raised");
            var ack = await first.Http.PostAsJsonAsync("/api/alerts/a-1/ack", new { @operator = "jan", outcome = "intercepted" },
                TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
            await Eventually.TrueAsync(() => first.Status.AcknowledgementsSeen == 1, "the ack was read back");
        }

        await using var second = await ControlRoomServer.StartAsync(cluster, Room);
        await Eventually.TrueAsync(() => second.Status.AcknowledgementsSeen == 1 && second.Status.Raised + second.Status.Duplicates == 2,
            "the history was replayed");

        var open = await OpenAlertsAsync(second);
        Assert.Equal(["a-2"], open.Select(a => a.GetProperty("alertId").GetString()));
        var audit = TopicClient.Read(cluster.BootstrapServers, AnprTopics.Audit("BE"), 4, TimeSpan.FromSeconds(5));
        Assert.Equal(3, audit.Count); // two deliveries and one acknowledgement: the replay audited nothing again
    }

    [Fact]
    public async Task AnUndecodableMessageGoesToTheRejectedTopicAndDoesNotStopTheConsole()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);

        await TopicClient.ProduceRawAsync(cluster.BootstrapServers, AnprTopics.Alerts("BE"), [1, 2, 3]);
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, LiveAlert("a-1"));
        await Eventually.TrueAsync(() => server.Status.Raised == 1 && server.Status.Rejected == 1, "both messages were handled");

        var rejected = AnprCodecs.RejectedInput.Decode(Assert.Single(TopicClient.Read(cluster.BootstrapServers, AnprTopics.Rejected("BE"), 1)));
        Assert.Equal("controlroom", rejected.Source);
    }

    [Fact]
    public async Task TheStreamStartsWithASnapshotOfTheOpenAlerts()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, LiveAlert("a-1"));
        await Eventually.TrueAsync(() => server.Status.Raised == 1, "the alert was raised");

        using var response = await server.Http.GetAsync("/api/alerts/stream", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("retry: 2000", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        Assert.Equal("", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        Assert.Equal("event: snapshot", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        Assert.Contains("\"alertId\":\"a-1\"", await reader.ReadLineAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheConsolePageIsServed()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);

        var html = await server.Http.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("EventSource", html, StringComparison.Ordinal);
        Assert.Equal("ok", await server.Http.GetStringAsync("/health/ready", TestContext.Current.CancellationToken));
    }
}
