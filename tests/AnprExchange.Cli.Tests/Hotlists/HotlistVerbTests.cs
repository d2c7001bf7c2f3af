using System.CommandLine;
using System.Text;
using AnprExchange.Hotlists.Signing;

namespace AnprExchange.Cli.Tests.Hotlists;

public sealed class HotlistVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anpr-hotlist-cli-").FullName;

    [Fact]
    public async Task KeygenWritesAPrivateAndAPublicKeyThatLoadBack()
    {
        var (exit, stdout, _) = await Run("hotlist", "keygen", "--out", Path.Combine(_dir, "keys"), "--key-id", "be-2026");

        Assert.Equal(0, exit);
        Assert.Contains("be-2026", stdout, StringComparison.Ordinal);
        using var key = HotlistSigningKey.FromFile(Path.Combine(_dir, "keys", "be-2026.private.pem"));
        using var publicKey = HotlistPublicKey.FromFile(Path.Combine(_dir, "keys", "be-2026.public.pem"));
        Assert.True(publicKey.Verify("x"u8, key.Sign("x"u8)));
    }

    [Fact]
    public async Task KeygenRefusesToOverwriteAKey()
    {
        var keys = Path.Combine(_dir, "keys");
        await Run("hotlist", "keygen", "--out", keys, "--key-id", "same");

        var (exit, _, stderr) = await Run("hotlist", "keygen", "--out", keys, "--key-id", "same");

        Assert.Equal(1, exit);
        Assert.Contains("nothing overwritten", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeygenWithoutAKeyIdDerivesOne()
    {
        var (exit, _, _) = await Run("hotlist", "keygen", "--out", _dir);

        Assert.Equal(0, exit);
        var file = Assert.Single(Directory.GetFiles(_dir, "*.private.pem"));
        Assert.Matches("^[0-9a-f]{16}\\.private\\.pem$", Path.GetFileName(file));
    }

    [Fact]
    public async Task ValidateAcceptsAGoodFileAndSaysHowManyEntries()
    {
        var file = Write("good.csv",
            "entry_id,plate,category,action,priority",
            "e1,1-ABC-123,stolen_vehicle,stop,1",
            "e2,AB-12-??,stolen_plate,check,");

        var (exit, stdout, stderr) = await Run("hotlist", "validate", "--country", "be", "--list", "stolen", "--file", file);

        Assert.Equal(0, exit);
        Assert.Contains("2 entries", stdout, StringComparison.Ordinal);
        Assert.Contains("BE/stolen", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task ValidatePrintsEveryErrorWithLineAndColumnAndFails()
    {
        var file = Write("bad.csv",
            "entry_id,plate,category,action",
            "e1,AB12,stolen_vehicle,stop",
            "e2,AB#12,stolen_vehicle,stop",
            "e3,AB13,joyriding,stop",
            "e1,AB14,stolen_vehicle,arrest");

        var (exit, _, stderr) = await Run("hotlist", "validate", "--country", "NL", "--list", "national", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("bad.csv: line 3, column plate:", stderr, StringComparison.Ordinal);
        Assert.Contains("bad.csv: line 4, column category:", stderr, StringComparison.Ordinal);
        Assert.Contains("bad.csv: line 5, column entry_id:", stderr, StringComparison.Ordinal);
        Assert.Contains("bad.csv: line 5, column action:", stderr, StringComparison.Ordinal);
        Assert.Contains("4 error(s) in 4 rows", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteRowsPassInDeltaModeAndFailInFullMode()
    {
        var file = Write("delta.csv", "op,entry_id,plate,category,action", "delete,e1,,,", "upsert,e2,AB12,other,observe");

        var delta = await Run("hotlist", "validate", "--country", "LU", "--list", "l", "--file", file, "--mode", "delta");
        var full = await Run("hotlist", "validate", "--country", "LU", "--list", "l", "--file", file, "--mode", "full");

        Assert.Equal(0, delta.Exit);
        Assert.Contains("1 deletes", delta.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, full.Exit);
        Assert.Contains("line 2, column op:", full.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LargeFilesPrintProgressLinesWhenNotInteractive()
    {
        var text = new StringBuilder("entry_id,plate,category,action\n");
        for (var i = 0; i < 250_000; i++)
        {
            text.Append("e").Append(i).Append(",AB").Append(i).Append(",other,check\n");
        }
        var file = Path.Combine(_dir, "large.csv");
        File.WriteAllText(file, text.ToString());

        var (exit, _, stderr) = await Run("hotlist", "validate", "--country", "BE", "--list", "big", "--file", file);

        Assert.Equal(0, exit);
        Assert.Contains("BE/big: 100,000 rows read", stderr, StringComparison.Ordinal);
        Assert.Contains("BE/big: 200,000 rows read", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFileIsExitCodeTwo()
    {
        var (exit, _, stderr) = await Run("hotlist", "validate", "--country", "BE", "--list", "l", "--file", Path.Combine(_dir, "nope.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--country", "BEL", "--list", "l", "--mode", "full")]
    [InlineData("--country", "BE", "--list", "a list", "--mode", "full")]
    [InlineData("--country", "BE", "--list", "l", "--mode", "partial")]
    public async Task InvalidOptionsAreRefusedWithANonZeroExitCode(params string[] options)
    {
        var file = Write("ok.csv", "entry_id,plate,category,action", "e1,AB12,other,check");

        var (exit, _, stderr) = await Run(["hotlist", "validate", "--file", file, .. options]);

        Assert.NotEqual(0, exit);
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public async Task HotlistHelpListsItsSubcommands()
    {
        var (exit, stdout, _) = await Run("hotlist", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("keygen", stdout, StringComparison.Ordinal);
        Assert.Contains("validate", stdout, StringComparison.Ordinal);
    }

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await AnprCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
