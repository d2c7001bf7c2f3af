using AnprExchange.Matcher.Routing;
using Microsoft.Extensions.Configuration;

namespace AnprExchange.Matcher.Tests.Routing;

public sealed class AlertRouterTests
{
    private static AlertRoutingOptions Options() => new()
    {
        Cameras = new() { ["cam-17"] = "antwerp", ["cam-90"] = "limburg" },
        Regions = new() { ["antwerp"] = ["cr-antwerp", "cr-national"], ["limburg"] = ["cr-limburg"], ["rest"] = ["cr-national"] },
        CovertRooms = ["cr-national"],
    };

    [Fact]
    public void AnAlertGoesToEveryRoomOfItsCamerasRegion()
    {
        var router = new AlertRouter(Options());

        var copies = router.Route(TestAlerts.Alert(camera: "cam-17", room: ""));

        Assert.Equal(["cr-antwerp", "cr-national"], copies.Select(c => c.ControlRoom));
        Assert.All(copies, c => Assert.Single(c.Matches));
    }

    [Fact]
    public void AnUnknownCameraIsRoutedNowhereWithoutADefaultRegion()
    {
        var router = new AlertRouter(Options());

        Assert.Empty(router.RoomsFor(TestAlerts.Alert(camera: "cam-unknown")));
        Assert.Empty(router.Route(TestAlerts.Alert(camera: "cam-unknown")));
    }

    [Fact]
    public void AnUnknownCameraFallsBackToTheDefaultRegion()
    {
        var options = Options();
        options.DefaultRegion = "rest";
        var router = new AlertRouter(options);

        Assert.Equal(["cr-national"], router.RoomsFor(TestAlerts.Alert(camera: "cam-unknown")));
    }

    [Fact]
    public void ACovertOnlyAlertGoesOnlyToClearedRooms()
    {
        var router = new AlertRouter(Options());
        var alert = TestAlerts.Alert(camera: "cam-17", matches: TestAlerts.Match(covert: true));

        Assert.Equal(["cr-national"], router.RoomsFor(alert));
        Assert.Equal(["cr-national"], router.Route(alert).Select(c => c.ControlRoom));
    }

    [Fact]
    public void ACovertOnlyAlertInARegionWithoutClearedRoomsGoesNowhere()
    {
        var router = new AlertRouter(Options());

        Assert.Empty(router.Route(TestAlerts.Alert(camera: "cam-90", matches: TestAlerts.Match(covert: true))));
    }

    [Fact]
    public void RoomsNotClearedForCovertEntriesGetTheAlertWithoutTheCovertMatches()
    {
        var router = new AlertRouter(Options());
        var alert = TestAlerts.Alert(camera: "cam-17", matches: [TestAlerts.Match("overt"), TestAlerts.Match("secret", covert: true)]);

        var copies = router.Route(alert).ToDictionary(c => c.ControlRoom);

        Assert.Equal(["overt"], copies["cr-antwerp"].Matches.Select(m => m.EntryId));
        Assert.Equal(["overt", "secret"], copies["cr-national"].Matches.Select(m => m.EntryId));
    }

    [Fact]
    public void ValidationReportsCamerasInRegionsWithoutRooms()
    {
        var options = Options();
        options.Cameras["cam-5"] = "nowhere";

        Assert.Contains(options.Validate(), e => e.Contains("cam-5", StringComparison.Ordinal));
        Assert.Empty(Options().Validate());
    }

    [Fact]
    public void RoutingIsBoundFromConfiguration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AlertRouting:Cameras:cam-17"] = "antwerp",
            ["AlertRouting:Regions:antwerp:0"] = "cr-antwerp",
            ["AlertRouting:Regions:antwerp:1"] = "cr-national",
            ["AlertRouting:CovertRooms:0"] = "cr-national",
        }).Build();

        var options = configuration.GetSection(AlertRoutingOptions.SectionName).Get<AlertRoutingOptions>()!;
        var router = new AlertRouter(options);

        Assert.Equal(["cr-national"], router.RoomsFor(TestAlerts.Alert(camera: "cam-17", matches: TestAlerts.Match(covert: true))));
        Assert.Equal(["cr-antwerp", "cr-national"], router.RoomsFor(TestAlerts.Alert(camera: "cam-17")));
    }
}
