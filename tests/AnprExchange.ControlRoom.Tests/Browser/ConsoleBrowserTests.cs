using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Tests.Web;
using AnprExchange.Core.Hotlists;
using AnprExchange.Kafka;
using Microsoft.Playwright;

namespace AnprExchange.ControlRoom.Tests.Browser;

/// <summary>
/// The console in a real browser: Debian's chromium (never a downloaded one) driven by Playwright, over the embedded
/// cluster. Skipped, visibly, where /usr/bin/chromium is not installed (.ci/run installs it).
/// </summary>
public sealed class ConsoleBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Room = "cr-antwerp";

    [Fact]
    public async Task AnOperatorSeesAnAlertOnceAcknowledgesItAndItLeavesTheList()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (apt-get install chromium); the browser test needs Debian's chromium.");
        }
        var ct = TestContext.Current.CancellationToken;
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        await using var server = await ControlRoomServer.StartAsync(cluster, Room);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenConsoleAsync(browser, server.Address);

        // Context for the screenshot: lower-priority alerts for other plates (one seen twice), then the alert under test.
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers,
            Alert("a-observe", "7KLM321", "cam-03", 60, HotlistCategory.SisDiscreetCheck, HotlistAction.Observe, "LU", "sis", "LU-SIS-0412", "e-77"));
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers,
            Alert("a-check", "2XYZ987", "cam-11", 40, HotlistCategory.WantedPerson, HotlistAction.Check, "BE", "wanted", "BE-PJ-2026-118", "e-12"));
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers,
            Alert("a-observe-2", "7KLM321", "cam-05", 60, HotlistCategory.SisDiscreetCheck, HotlistAction.Observe, "LU", "sis", "LU-SIS-0412", "e-77"));
        await Eventually.TrueAsync(() => server.Status.Sightings == 1, "the second sighting was folded into the open alert");
        var alert = Alert("a-stop", "1ABC123", "cam-17", 5, HotlistCategory.StolenVehicle, HotlistAction.Stop, "NL", "stolen-vehicles", "NL-KLPD-55120", "e-1");
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, alert);
        var row = page.Locator("[data-alert-id='a-stop']");
        await Assertions.Expect(row).ToContainTextAsync("1ABC123");
        await Assertions.Expect(row).ToContainTextAsync("NL/stolen-vehicles");
        await Assertions.Expect(row).ToContainTextAsync("stop");

        // At-least-once upstream: the same alert again is not shown twice.
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers, alert);
        await Eventually.TrueAsync(() => server.Status.Duplicates == 1, "the redelivery was handled");
        await Assertions.Expect(page.GetByTestId("alert-row")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.Locator("[data-alert-id='a-observe']")).ToContainTextAsync("cam-05");

        await page.GetByTestId("operator").FillAsync("Inspector Maes");
        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("detail-plate")).ToHaveTextAsync("1ABC123");
        await page.GetByTestId("outcome").SelectOptionAsync("intercepted");
        await SaveScreenshotsAsync(page);

        await page.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("alert-row")).ToHaveCountAsync(2);

        var acks = TopicClient.Read(cluster.BootstrapServers, AnprTopics.AlertAcks(ControlRoomServer.Country), 1)
            .Select(b => AnprCodecs.AlertAcknowledgement.Decode(b)).ToArray();
        var ack = Assert.Single(acks);
        Assert.Equal(("a-stop", Room, "Inspector Maes", AlertOutcome.Intercepted), (ack.AlertId, ack.ControlRoom, ack.Operator, ack.Outcome));
        var open = await server.Http.GetStringAsync("/api/alerts", ct);
        Assert.DoesNotContain("a-stop", open, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePageReconnectsAndReloadsOpenAlertsAfterAServerRestart()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed (apt-get install chromium); the browser test needs Debian's chromium.");
        }
        using var cluster = EmbeddedKafkaCluster.Start();
        ControlRoomServer.CreateTopics(cluster);
        var first = await ControlRoomServer.StartAsync(cluster, Room);
        var address = first.Address;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var page = await OpenConsoleAsync(browser, address);
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers,
            Alert("a-before", "1ABC123", "cam-17", 5, HotlistCategory.StolenVehicle, HotlistAction.Stop, "NL", "stolen", "NL-1", "e-1"));
        await Assertions.Expect(page.Locator("[data-alert-id='a-before']")).ToHaveCountAsync(1);

        await first.DisposeAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("reconnecting");
        await TopicClient.ProduceAlertAsync(cluster.BootstrapServers,
            Alert("a-while-down", "2DEF456", "cam-18", 20, HotlistCategory.StolenPlate, HotlistAction.Seize, "BE", "plates", "BE-2", "e-2"));
        await using var second = await ControlRoomServer.StartAsync(cluster, Room, url: address.ToString().TrimEnd('/'));

        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("live");
        await Assertions.Expect(page.Locator("[data-alert-id='a-before']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-alert-id='a-while-down']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("count")).ToHaveTextAsync("2");
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });

    private static async Task<IPage> OpenConsoleAsync(IBrowser browser, Uri address)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 700 } });
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        await page.GotoAsync(address.ToString());
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("live");
        return page;
    }

    private static Alert Alert(
        string id, string plate, string camera, int priority, HotlistCategory category, HotlistAction action, string country, string list, string reference, string entryId)
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(-2);
        return TestAlerts.Alert(id, plate: plate, camera: camera, at: at, room: Room, matches: new AlertMatch
        {
            EntryId = entryId,
            SourceCountry = country,
            List = list,
            Category = category,
            Action = action,
            Priority = priority,
            MatchKind = MatchKind.Exact,
            Reference = reference,
        });
    }

    /// <summary>One screenshot with the test output, and the README's copy in docs/controlroom/ when run from the repository.</summary>
    private static async Task SaveScreenshotsAsync(IPage page)
    {
        var output = Path.Combine(AppContext.BaseDirectory, "controlroom-console.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = output });
        TestContext.Current.AddAttachment("controlroom-console.png", await File.ReadAllBytesAsync(output), "image/png");
        var docs = FindRepositoryRoot() is { } root ? Path.Combine(root, "docs", "controlroom") : null;
        if (docs is not null)
        {
            Directory.CreateDirectory(docs);
            File.Copy(output, Path.Combine(docs, "console.png"), overwrite: true);
        }
    }

    private static string? FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AnprExchange.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
