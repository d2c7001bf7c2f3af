using System.CommandLine;
using AnprExchange.Contracts.Audit;
using AnprExchange.Kafka;

namespace AnprExchange.Cli.Tests.Hotlists;

/// <summary>`anpr hotlist push`, `status` and `export` end to end on an embedded cluster started by each test.</summary>
public sealed class HotlistPushVerbTests : IDisposable
{
    private const int Partitions = 4;
    private readonly string _dir = Directory.CreateTempSubdirectory("anpr-hotlist-push-").FullName;
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start();
    private readonly string _privateKey;
    private readonly string _trusted;

    public HotlistPushVerbTests()
    {
        new EmbeddedClusterLayout(["BE"], HotlistPartitions: Partitions).CreateTopics(_cluster);
        _trusted = Path.Combine(_dir, "trust");
        Directory.CreateDirectory(Path.Combine(_trusted, "BE"));
        _privateKey = Keygen("be-admin");
    }

    [Fact]
    public async Task APushIsAcknowledgedAuditedAndShownByStatus()
    {
        var file = Csv("list.csv", "entry_id,plate,category,action,priority", "e1,1-ABC-123,stolen_vehicle,stop,1", "e2,XY-99-ZZ,wanted_person,check,5");

        var push = await Push(file, "--version", "7", "--operator", "alice");
        var status = await Run("hotlist", "status", "--bootstrap-servers", _cluster.BootstrapServers, "--countries", "BE", "--trusted-keys", _trusted);

        Assert.Equal(0, push.Exit);
        Assert.Contains("pushed BE/stolen version 7 (full, 2 entries)", push.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, HotlistTopics.RecordCount(_cluster.BootstrapServers, AnprTopics.Hotlist("BE"), Partitions));
        var audit = AuditRecordJson.Deserialize(Assert.Single(HotlistTopics.ReadAll(_cluster.BootstrapServers, AnprTopics.Audit("BE"), 1)).Value);
        Assert.Equal((AuditActions.HotlistPushed, "operator:alice", "BE"), (audit.Action, audit.Actor, audit.Country));
        Assert.Contains("BE/stolen version 7 (full, 2 entries", audit.Reason, StringComparison.Ordinal);
        Assert.Contains("signed by key be-admin", audit.Reason, StringComparison.Ordinal);
        Assert.Equal(0, status.Exit);
        Assert.Contains("BE/stolen  version 7  2 entries  last full push", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("signed by be-admin", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APushWithABadRowPublishesNothingAndNamesTheRow()
    {
        var file = Csv("bad.csv", "entry_id,plate,category,action", "e1,AB12,stolen_vehicle,stop", "e2,AB#12,stolen_vehicle,stop");

        var (exit, _, stderr) = await Push(file);

        Assert.Equal(1, exit);
        Assert.Contains("bad.csv: line 3, column plate:", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing published to BE/stolen", stderr, StringComparison.Ordinal);
        Assert.Equal(0, HotlistTopics.RecordCount(_cluster.BootstrapServers, AnprTopics.Hotlist("BE"), Partitions));
        Assert.Equal(0, HotlistTopics.RecordCount(_cluster.BootstrapServers, AnprTopics.Audit("BE"), 1));
    }

    [Fact]
    public async Task ExportWritesTheEntriesInForceAfterAFullPushAndADeltaAndTheFileValidates()
    {
        await Push(Csv("full.csv", "entry_id,plate,category,action", "a,AA11AA,stolen_vehicle,stop", "b,BB22BB,stolen_plate,check", "c,CC33CC,other,observe"), "--version", "1");
        await Push(Csv("delta.csv", "op,entry_id,plate,category,action", "delete,b,,,", "upsert,d,DD44DD,missing_person,check"), "--version", "2", "--mode", "delta");
        var output = Path.Combine(_dir, "export.csv");

        var export = await Run("hotlist", "export", "--country", "BE", "--list", "stolen", "--bootstrap-servers", _cluster.BootstrapServers, "--trusted-keys", _trusted, "--out", output);
        var validate = await Run("hotlist", "validate", "--country", "BE", "--list", "stolen", "--file", output);

        Assert.Equal(0, export.Exit);
        Assert.Contains("version 2: 3 entries", export.Stdout, StringComparison.Ordinal);
        var ids = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')[0]).Order();
        Assert.Equal(["a", "c", "d"], ids);
        Assert.Equal(0, validate.Exit);
    }

    [Fact]
    public async Task StatusReportsABatchSignedByAnUntrustedKeyWithTheReason()
    {
        var stranger = Keygen("stranger", trust: false);
        var file = Csv("list.csv", "entry_id,plate,category,action", "e1,AB12,other,check");
        await Push(file, "--version", "3");
        await Run("hotlist", "push", "--country", "BE", "--list", "stolen", "--file", file, "--signing-key", stranger, "--version", "4", "--bootstrap-servers", _cluster.BootstrapServers);

        var (exit, stdout, _) = await Run("hotlist", "status", "--bootstrap-servers", _cluster.BootstrapServers, "--countries", "BE", "--trusted-keys", _trusted);
        var unverified = await Run("hotlist", "status", "--bootstrap-servers", _cluster.BootstrapServers, "--countries", "BE");

        Assert.Equal(0, exit);
        Assert.Contains("BE/stolen  version 3  1 entries", stdout, StringComparison.Ordinal);
        Assert.Contains("rejected: BE/stolen version 4", stdout, StringComparison.Ordinal);
        Assert.Contains("UnknownKey", stdout, StringComparison.Ordinal);
        Assert.Contains("latest manifest version 4", unverified.Stdout, StringComparison.Ordinal);
        Assert.Contains("NOT verified", unverified.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APushToAnUnreachableClusterFailsWithoutClaimingSuccess()
    {
        var file = Csv("list.csv", "entry_id,plate,category,action", "e1,AB12,other,check");

        var (exit, stdout, stderr) = await Run("hotlist", "push", "--country", "BE", "--list", "stolen", "--file", file,
            "--signing-key", _privateKey, "--bootstrap-servers", "127.0.0.1:1", "--timeout", "2");

        Assert.Equal(3, exit);
        Assert.DoesNotContain("pushed", stdout, StringComparison.Ordinal);
        Assert.Contains("not published", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--ocr-tolerance", "3")]
    [InlineData("--version", "0")]
    [InlineData("--mode", "sideways")]
    [InlineData("--timeout", "0")]
    public async Task APushWithAnOutOfRangeOptionIsRefusedBeforeAnythingIsRead(string option, string value)
    {
        var file = Csv("list.csv", "entry_id,plate,category,action", "e1,AB12,other,check");

        var (exit, _, stderr) = await Push(file, option, value);

        Assert.NotEqual(0, exit);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
        Assert.Equal(0, HotlistTopics.RecordCount(_cluster.BootstrapServers, AnprTopics.Hotlist("BE"), Partitions));
    }

    [Fact]
    public async Task APushWithAnUnreadableSigningKeyPublishesNothing()
    {
        var file = Csv("list.csv", "entry_id,plate,category,action", "e1,AB12,other,check");
        var notAKey = Csv("not-a-key.pem", "hello");

        var (exit, _, stderr) = await Run("hotlist", "push", "--country", "BE", "--list", "stolen", "--file", file,
            "--signing-key", notAKey, "--bootstrap-servers", _cluster.BootstrapServers);

        Assert.Equal(2, exit);
        Assert.Contains("unusable", stderr, StringComparison.Ordinal);
        Assert.Equal(0, HotlistTopics.RecordCount(_cluster.BootstrapServers, AnprTopics.Hotlist("BE"), Partitions));
    }

    private string Keygen(string keyId, bool trust = true)
    {
        var keys = Path.Combine(_dir, "keys");
        var result = Run("hotlist", "keygen", "--out", keys, "--key-id", keyId).GetAwaiter().GetResult();
        Assert.Equal(0, result.Exit);
        if (trust)
        {
            File.Copy(Path.Combine(keys, $"{keyId}.public.pem"), Path.Combine(_trusted, "BE", $"{keyId}.public.pem"));
        }
        return Path.Combine(keys, $"{keyId}.private.pem");
    }

    private Task<(int Exit, string Stdout, string Stderr)> Push(string file, params string[] more) =>
        Run(["hotlist", "push", "--country", "BE", "--list", "stolen", "--file", file, "--signing-key", _privateKey,
            "--bootstrap-servers", _cluster.BootstrapServers, .. more]);

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await AnprCommand.Create().Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public void Dispose()
    {
        _cluster.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
