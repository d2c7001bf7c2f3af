using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Tests.Web;
using AnprExchange.Core.Hotlists;
using AnprExchange.Hotlists.Publishing;
using AnprExchange.Hotlists.Signing;
using AnprExchange.Kafka;
using AnprExchange.Matcher;
using AnprExchange.Matcher.Replication;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace AnprExchange.ControlRoom.Tests.Browser;

/// <summary>
/// The whole path an operator depends on: a signed hotlist push, a camera read that hits, the real matcher, the
/// alert in the browser, the acknowledgement on its topic. Debian's chromium; skipped visibly without it.
/// </summary>
public sealed class MatcherToConsoleBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Room = "cr-antwerp";

    [Fact]
    public async Task AReadThatHitsAppearsOnceInTheConsoleAndIsAcknowledgedThere()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (apt-get install chromium); the browser test needs Debian's chromium.");
        }
        var ct = TestContext.Current.CancellationToken;
        using var cluster = EmbeddedKafkaCluster.Start();
        EmbeddedClusterLayout.Benelux.CreateTopics(cluster);
        var kafka = new KafkaOptions { BootstrapServers = cluster.BootstrapServers };
        using var key = HotlistSigningKey.Generate();
        await PublishHotlistAsync(kafka, key, ct);
        using var matcher = BuildMatcher(cluster.BootstrapServers, key);
        await matcher.StartAsync(ct);
        await matcher.Services.GetRequiredService<HotlistReplicationStatus>().WhenCaughtUp(ct).WaitAsync(TimeSpan.FromSeconds(60), ct);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        await page.GotoAsync(server.Address.ToString());
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("live");

        var read = new PlateRead { ReadId = "cam-17:4711", CameraId = "cam-17", Timestamp = DateTimeOffset.UtcNow, Plate = "ab-123-c", Country = "NL" };
        ProduceRead(kafka, read);
        var row = page.GetByTestId("alert-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("AB123C");
        await Assertions.Expect(row).ToContainTextAsync("NL/stolen");
        await Assertions.Expect(row).ToContainTextAsync("NL-KLPD-1");

        // The camera resends the same read (at-least-once): the matcher raises the same alert id again; shown once.
        ProduceRead(kafka, read);
        await Eventually.TrueAsync(() => server.Status.Duplicates >= 1, "the repeated alert was delivered and recognised");
        await Assertions.Expect(row).ToHaveCountAsync(1);

        await page.GetByTestId("operator").FillAsync("Inspector Maes");
        await row.ClickAsync();
        await page.GetByTestId("outcome").SelectOptionAsync("false_read");
        await page.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);

        var ack = AnprCodecs.AlertAcknowledgement.Decode(Assert.Single(TopicClient.Read(cluster.BootstrapServers, AnprTopics.AlertAcks("BE"), 1)));
        Assert.Equal((Room, "Inspector Maes", AlertOutcome.FalseRead), (ack.ControlRoom, ack.Operator, ack.Outcome));
        await matcher.StopAsync(CancellationToken.None);
    }

    private static async Task PublishHotlistAsync(KafkaOptions kafka, HotlistSigningKey key, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new HotlistPushRequest
        {
            Country = "NL",
            List = "stolen",
            Mode = HotlistPushMode.Full,
            Version = 1,
            Entries =
            [
                new HotlistEntryRecord
                {
                    BatchId = "", Sequence = 0, Operation = HotlistEntryOperation.Upsert, SourceCountry = "NL", List = "stolen",
                    EntryId = "nl-1", Plate = "AB123C", Category = HotlistCategory.StolenVehicle, Action = HotlistAction.Stop, Priority = 5,
                    ValidFrom = now.AddDays(-1), ValidUntil = now.AddDays(1), Reference = "NL-KLPD-1",
                },
            ],
        };
        var batch = new HotlistPublisher(TimeProvider.System).Prepare(request, key);
        using var sink = new KafkaHotlistRecordSink(kafka, "NL");
        await HotlistPublisher.PublishAsync(batch, sink, ct);
    }

    private static IHost BuildMatcher(string bootstrapServers, HotlistSigningKey key)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Matcher:Country"] = "BE",
            ["Matcher:GroupId"] = "test-matcher",
            ["Matcher:DefaultControlRoom"] = Room,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var trust = new HotlistTrustStore();
        trust.Add("NL", key.PublicKey());
        builder.Services.AddSingleton(trust);
        builder.Services.AddAnprMatcher(builder.Configuration);
        return builder.Build();
    }

    private static void ProduceRead(KafkaOptions kafka, PlateRead read)
    {
        using var producer = new ProducerBuilder<string, byte[]>(kafka.CreateProducerConfig("test-camera")).Build();
        producer.Produce(AnprTopics.Reads("BE"), new Message<string, byte[]> { Key = read.CameraId, Value = AnprCodecs.PlateRead.Encode(read) });
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
    }
}
