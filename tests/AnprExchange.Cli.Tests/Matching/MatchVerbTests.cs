namespace AnprExchange.Cli.Tests.Matching;

public class MatchVerbTests
{
    [Fact]
    public async Task TheMatchVerbWritesAlertsForTheReadsThatHit()
    {
        using var files = new MatchFiles();
        var code = await AnprCommand.Create()
            .Parse(["match", "--hotlist", $"NL={files.HotlistPath}", "--reads", files.ReadsPath, "--out", files.OutPath])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        Assert.Equal(3, File.ReadAllLines(files.OutPath).Length);
    }

    [Fact]
    public async Task TheMatchVerbRequiresItsOptions()
    {
        var result = AnprCommand.Create().Parse(["match", "--reads", "x.jsonl"]);
        Assert.NotEmpty(result.Errors);
        Assert.NotEqual(0, await result.InvokeAsync(cancellationToken: TestContext.Current.CancellationToken));
    }
}
