using AnprExchange.Cli.Demo;

namespace AnprExchange.Cli.Tests.Demo;

public sealed class DemoRunnerTests
{
    [Fact]
    public async Task ShortDemoDeliversEveryPlantedHitAndPrintsItsSummary()
    {
        var output = new StringWriter();
        var runner = new DemoRunner(new DemoSettings(TimeSpan.FromSeconds(3), Rate: 300, Seed: 7), output, TimeProvider.System);

        var summary = await runner.RunAsync(TestContext.Current.CancellationToken);
        summary.Print(output);

        Assert.True(summary.ReadsProduced >= 300, $"only {summary.ReadsProduced} reads were produced");
        Assert.Equal(summary.ReadsProduced, summary.ReadsMatched);
        Assert.True(summary.Planted > 0, "the simulator planted no hit");
        Assert.Equal(0, summary.Lost);
        Assert.Equal(summary.Planted, summary.PlantedDelivered);
        Assert.Equal(0, summary.Duplicated);
        var text = output.ToString();
        Assert.Contains("published hotlist NL/national", text);
        Assert.Contains("OK: every planted hit reached the control room", text);
        // Plates are personal data: the terminal shows them masked.
        Assert.Matches(@"ALERT [0-9A-Z]{2}\*+ ", text);
    }
}
