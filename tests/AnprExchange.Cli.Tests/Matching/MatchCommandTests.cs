using System.Text;
using AnprExchange.Cli.Matching;
using AnprExchange.Contracts.Json;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Cli.Tests.Matching;

public class MatchCommandTests
{
    private sealed class FixedTime : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    }

    private static async Task<(int Code, string Errors, List<Alert> Alerts)> RunAsync(MatchFiles files, params string[] hotlists)
    {
        var errors = new StringWriter();
        var code = await new MatchCommand(errors, new FixedTime()).RunAsync(
            new MatchCommand.Options(hotlists.Length == 0 ? [$"NL={files.HotlistPath}"] : hotlists, files.ReadsPath, files.OutPath),
            Stream.Null, Stream.Null, TestContext.Current.CancellationToken);
        var alerts = File.Exists(files.OutPath)
            ? File.ReadAllLines(files.OutPath).Select(l => AlertJson.Parse(Encoding.UTF8.GetBytes(l))).ToList()
            : [];
        return (code, errors.ToString(), alerts);
    }

    [Fact]
    public async Task ReadsThatHitBecomeOneAlertEachWithEveryMatchInPriorityOrder()
    {
        using var files = new MatchFiles();
        var (code, _, alerts) = await RunAsync(files);
        Assert.Equal(0, code);
        Assert.Equal(["r1", "r2", "r3"], alerts.Select(a => a.ReadId));

        var r1 = alerts[0];
        Assert.Equal("alert-r1", r1.AlertId);
        Assert.Equal("1ABC123", r1.Plate);
        Assert.Equal("BE", r1.Country);
        Assert.Equal(["e4", "e1"], r1.Matches.Select(m => m.EntryId));
        Assert.All(r1.Matches, m => Assert.Equal(MatchKind.Exact, m.MatchKind));
        Assert.Equal("PV-1", r1.Matches[1].Reference);
        Assert.True(r1.Matches[0].Covert);
        Assert.Equal("NL", r1.Matches[1].SourceCountry);
        Assert.Equal("stolen", r1.Matches[1].List);
        Assert.Equal(HotlistAction.Stop, r1.Matches[1].Action);

        Assert.All(alerts[1].Matches, m => Assert.Equal(MatchKind.OcrEquivalent, m.MatchKind));
        Assert.Equal([("e2", MatchKind.Wildcard)], alerts[2].Matches.Select(m => (m.EntryId, m.MatchKind)));
    }

    [Fact]
    public async Task MalformedReadLinesAreReportedWithTheirLineNumberAndSkipped()
    {
        using var files = new MatchFiles();
        var (code, errors, alerts) = await RunAsync(files);
        Assert.Equal(0, code);
        Assert.Contains("reads line 2:", errors, StringComparison.Ordinal);
        Assert.Contains("reads line 6:", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("reads line 7:", errors, StringComparison.Ordinal);
        Assert.Equal(3, alerts.Count);
    }

    [Fact]
    public async Task AnEntryNotYetValidAtTheReadsTimestampDoesNotHit()
    {
        using var files = new MatchFiles();
        var (_, _, alerts) = await RunAsync(files);
        Assert.DoesNotContain(alerts, a => a.ReadId == "r4");
    }

    [Fact]
    public async Task InvalidHotlistRowsAreAllReportedAndNothingIsMatched()
    {
        using var files = new MatchFiles("""
            entry_id,plate,category,action
            e1,1-ABC-123,stolen_vehicle,stop
            e2,AB#1,stolen_vehicle,stop
            e3,XY1,no_such_category,stop
            """);
        var (code, errors, alerts) = await RunAsync(files);
        Assert.Equal(MatchCommand.InvalidHotlist, code);
        Assert.Contains("line 3", errors, StringComparison.Ordinal);
        Assert.Contains("line 4", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(files.OutPath));
        Assert.Empty(alerts);
    }

    [Fact]
    public async Task AMissingReadsFileIsAnUnusableInput()
    {
        using var files = new MatchFiles();
        File.Delete(files.ReadsPath);
        var (code, errors, _) = await RunAsync(files);
        Assert.Equal(MatchCommand.UnusableFile, code);
        Assert.Contains(files.ReadsPath, errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NL")]
    [InlineData("nl=x.csv")]
    [InlineData("NL=/does/not/exist.csv")]
    public async Task AnUnusableHotlistArgumentIsReported(string argument)
    {
        using var files = new MatchFiles();
        var (code, errors, _) = await RunAsync(files, argument);
        Assert.Equal(MatchCommand.UnusableFile, code);
        Assert.Contains("error:", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralHotlistsFromSeveralCountriesAreMatchedTogether()
    {
        using var files = new MatchFiles();
        var wanted = files.AddFile("wanted.csv", """
            entry_id,plate,category,action,priority
            b1,1ABC123,wanted_person,stop,0
            """);
        var (_, _, alerts) = await RunAsync(files, $"NL={files.HotlistPath}", $"BE={wanted}");
        Assert.Equal(["b1", "e4", "e1"], alerts[0].Matches.Select(m => m.EntryId));
        Assert.Equal(("BE", "wanted"), (alerts[0].Matches[0].SourceCountry, alerts[0].Matches[0].List));
    }

    [Fact]
    public async Task StdinAndStdoutStandInForDash()
    {
        using var files = new MatchFiles();
        var output = new MemoryStream();
        var code = await new MatchCommand(new StringWriter(), new FixedTime()).RunAsync(
            new MatchCommand.Options([$"NL={files.HotlistPath}"], "-", "-"),
            new MemoryStream(Encoding.UTF8.GetBytes(MatchFiles.Reads)), output, TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
    }
}
