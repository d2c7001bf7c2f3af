using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using AnprExchange.EdgeAgent.Client;
using AnprExchange.EdgeAgent.Spool;
using Microsoft.Extensions.DependencyInjection;

namespace AnprExchange.EdgeAgent.Tests.Hosting;

public sealed class EdgeAgentEndToEndTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempSpoolDirectory _spool = new();

    private static CameraRead Read(int i, string camera = "cam-1") => new()
    {
        CameraId = camera,
        Timestamp = DateTimeOffset.UtcNow.AddSeconds(-1),
        Plate = $"1-ABC-{i % 1000:D3}",
        Country = "BE",
        Confidence = 0.9,
    };

    [Fact]
    public async Task ReadsSentThroughTheClientArriveInTheReadsTopicKeyedByCamera()
    {
        using var cluster = RunningAgent.StartCluster();
        await using var agent = await RunningAgent.StartAsync(cluster.BootstrapServers, _spool.Path);
        await using var client = new EdgeAgentClient(new EdgeAgentClientOptions { Host = "127.0.0.1", Port = agent.TcpPort });

        var acks = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.SendAsync(Read(i, $"cam-{i % 3}"), TestContext.Current.CancellationToken)));
        Assert.All(acks, a => Assert.True(a.IsAccepted, a.Error));

        var reads = RunningAgent.ConsumeReads(cluster.BootstrapServers, 200, Patience);
        Assert.Equal(acks.Select(a => a.ReadId).Order(), reads.Select(r => r.Read.ReadId).Distinct().Order());
        Assert.All(reads, r => Assert.Equal(r.Read.CameraId, r.Key));
        Assert.All(reads, r => Assert.NotNull(r.Read.IngestedAt));
    }

    [Fact]
    public async Task AnInvalidLineIsAnsweredWithItsReasonGoesToTheRejectedTopicAndTheConnectionStaysUsable()
    {
        using var cluster = RunningAgent.StartCluster();
        await using var agent = await RunningAgent.StartAsync(cluster.BootstrapServers, _spool.Path);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, agent.TcpPort, TestContext.Current.CancellationToken);
        await using var stream = new NetworkStream(socket);
        var now = DateTimeOffset.UtcNow.ToString("O");
        var lines = "{\"cameraId\":\"c1\",\"plate\":\"??\",\"timestamp\":\"" + now + "\"}\n" +
                    "not json\n" +
                    "{\"readId\":\"good-1\",\"cameraId\":\"c1\",\"plate\":\"AB-12-CD\",\"timestamp\":\"" + now + "\"}\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(lines), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream);
        Assert.Equal("err plate_invalid_character", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        Assert.Equal("err malformed_json", await reader.ReadLineAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok good-1", await reader.ReadLineAsync(TestContext.Current.CancellationToken));

        var rejected = RunningAgent.ConsumeRejected(cluster.BootstrapServers, 2, Patience);
        Assert.Equal(["malformed_json", "plate_invalid_character"], rejected.Select(r => r.Read.Reason).Order());
        Assert.Contains(rejected, r => Encoding.UTF8.GetString(r.Read.Raw) == "not json" && r.Read.Source == "agent/tcp");
    }

    [Fact]
    public async Task HttpIngestAcceptsOurJsonAndEachVendorFormatAndExplainsWhatItRefuses()
    {
        using var cluster = RunningAgent.StartCluster();
        await using var agent = await RunningAgent.StartAsync(cluster.BootstrapServers, _spool.Path);
        using var http = new HttpClient { BaseAddress = agent.HttpBase };
        var ct = TestContext.Current.CancellationToken;
        var now = DateTimeOffset.UtcNow.ToString("O");

        var batch = await http.PostAsync("/v1/reads", Json($$"""[{"readId":"h1","cameraId":"c","plate":"X1","timestamp":"{{now}}"},{"cameraId":"c","plate":"X2","timestamp":"{{now}}"}]"""), ct);
        Assert.Equal(HttpStatusCode.Accepted, batch.StatusCode);
        var ids = JsonDocument.Parse(await batch.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("readIds");
        Assert.Equal("h1", ids[0].GetString());
        Assert.StartsWith("c:", ids[1].GetString(), StringComparison.Ordinal);

        var bad = await http.PostAsync("/v1/reads", Json($$"""{"cameraId":"c","plate":"X1","timestamp":"{{DateTimeOffset.UtcNow.AddHours(1):O}}"}"""), ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Equal("timestamp_in_future", JsonDocument.Parse(await bad.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/v1/ingest/openalpr", Json(Samples.Fixture("openalpr-alpr_group.json")), ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/v1/ingest/axis", Json(Samples.Fixture("axis-lpv-event.json")), ct)).StatusCode);
        var xml = new StringContent(Samples.Fixture("hikvision-anpr.xml"), Encoding.UTF8, "application/xml");
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/v1/ingest/hikvision", xml, ct)).StatusCode);

        using var multipart = new MultipartFormDataContent();
        var picture = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        picture.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        multipart.Add(picture, "licensePlatePicture.jpg", "licensePlatePicture.jpg");
        var part = new StringContent(Samples.Fixture("hikvision-anpr.xml").Replace("8f0c2a34", "9f0c2a34", StringComparison.Ordinal), Encoding.UTF8, "application/xml");
        multipart.Add(part, "anpr.xml", "anpr.xml");
        var fromMultipart = await http.PostAsync("/v1/ingest/hikvision", multipart, ct);
        Assert.Equal(HttpStatusCode.Accepted, fromMultipart.StatusCode);
        Assert.Contains("9f0c2a34", await fromMultipart.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var notAlpr = await http.PostAsync("/v1/ingest/openalpr", Json("""{"data_type":"alpr_results"}"""), ct);
        Assert.Equal(HttpStatusCode.BadRequest, notAlpr.StatusCode);
        Assert.Contains("unsupported_payload", await notAlpr.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var reads = RunningAgent.ConsumeReads(cluster.BootstrapServers, 6, Patience);
        Assert.Equal(6, reads.Select(r => r.Read.ReadId).Distinct().Count());
    }

    [Fact]
    public async Task HealthProbesAnswer()
    {
        using var cluster = RunningAgent.StartCluster();
        await using var agent = await RunningAgent.StartAsync(cluster.BootstrapServers, _spool.Path);
        using var http = new HttpClient { BaseAddress = agent.HttpBase };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task ReadsSpooledWhileTheClusterWasDownAreSentAfterTheAgentRestarts()
    {
        using var cluster = RunningAgent.StartCluster();
        cluster.SetAllBrokersDown();
        string[] ids;
        await using (var agent = await RunningAgent.StartAsync(cluster.BootstrapServers, _spool.Path))
        await using (var client = new EdgeAgentClient(new EdgeAgentClientOptions { Host = "127.0.0.1", Port = agent.TcpPort }))
        {
            var acks = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => client.SendAsync(Read(i), TestContext.Current.CancellationToken)));
            Assert.All(acks, a => Assert.True(a.IsAccepted, a.Error));
            ids = acks.Select(a => a.ReadId).ToArray();
        }
        cluster.SetAllBrokersUp();
        await using var restarted = await RunningAgent.StartAsync(cluster.BootstrapServers, _spool.Path);
        var reads = RunningAgent.ConsumeReads(cluster.BootstrapServers, 500, Patience);
        Assert.Equal(ids.Order(), reads.Select(r => r.Read.ReadId).Distinct().Order());
    }

    [Fact]
    public async Task ReadsForwardedWhileTheSpoolRecyclesItsSegmentFilesAllArrive()
    {
        // 64 KiB segments: ~550 reads each, so the forwarder's releases retire segments into spares and later reads are
        // written into them while the forwarder's cursor follows.
        using var cluster = RunningAgent.StartCluster();
        await using var agent = await RunningAgent.StartAsync(cluster.BootstrapServers, _spool.Path,
            new Dictionary<string, string?> { ["EdgeAgent:Spool:SegmentBytes"] = "65536" });
        await using var client = new EdgeAgentClient(new EdgeAgentClientOptions { Host = "127.0.0.1", Port = agent.TcpPort });
        var spool = agent.App.Services.GetRequiredService<ReadSpool>();
        var ids = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            var acks = await Task.WhenAll(Enumerable.Range(round * 2500, 2500).Select(i => client.SendAsync(Read(i, $"cam-{i % 5}"), TestContext.Current.CancellationToken)));
            Assert.All(acks, a => Assert.True(a.IsAccepted, a.Error));
            ids.AddRange(acks.Select(a => a.ReadId));
            // Each round is forwarded (and so released) before the next one is sent.
            Assert.Equal(ids.Count, RunningAgent.ConsumeReads(cluster.BootstrapServers, ids.Count, Patience).Select(r => r.Read.ReadId).Distinct().Count());
        }

        var reads = RunningAgent.ConsumeReads(cluster.BootstrapServers, ids.Count, Patience);
        Assert.Equal(ids.Order(), reads.Select(r => r.Read.ReadId).Distinct().Order());
        Assert.True(spool.RecycledSegments > 0, "no segment was written into a spare");
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public void Dispose() => _spool.Dispose();
}
