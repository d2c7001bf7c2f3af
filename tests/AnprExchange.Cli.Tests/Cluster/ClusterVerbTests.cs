using System.Diagnostics;
using Confluent.Kafka;

namespace AnprExchange.Cli.Tests.Cluster;

/// <summary>`anpr cluster` in its own process, used from this one, then stopped with SIGTERM.</summary>
public sealed class ClusterVerbTests
{
    [Fact]
    public async Task ClusterRunsInASecondProcessAndStopsCleanlyOnSigterm()
    {
        var ct = TestContext.Current.CancellationToken;
        var bootstrapFile = Path.Combine(Path.GetTempPath(), $"anpr-bootstrap-{Guid.NewGuid():N}");
        var anpr = Path.Combine(AppContext.BaseDirectory, "anpr.dll");
        Assert.True(File.Exists(anpr), $"expected the anpr command next to the tests at {anpr}");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", anpr, "cluster", "--brokers", "1", "--bootstrap-file", bootstrapFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        try
        {
            var bootstrap = await WaitForFileAsync(bootstrapFile, ct);
            Assert.StartsWith("127.0.0.1:", bootstrap);

            using (var producer = new ProducerBuilder<Null, string>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
            {
                producer.Produce("anpr.reads.be", new Message<Null, string> { Value = "from another process" });
                Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(30)));
            }
            using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build())
            {
                var topics = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Select(t => t.Topic).ToHashSet();
                Assert.Contains("anpr.hotlist.nl", topics);
                Assert.Contains("anpr.alerts.lu", topics);
            }

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(ct);
            }
            await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromSeconds(30), ct);
            Assert.Equal(0, process.ExitCode);
            Assert.False(File.Exists(bootstrapFile), "the bootstrap file is removed when the cluster stops");
            Assert.Equal(bootstrap, (await process.StandardOutput.ReadToEndAsync(ct)).Trim());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
            File.Delete(bootstrapFile);
        }
    }

    private static async Task<string> WaitForFileAsync(string path, CancellationToken ct)
    {
        for (var i = 0; i < 600; i++)
        {
            if (File.Exists(path) && (await File.ReadAllTextAsync(path, ct)).Trim() is { Length: > 0 } text)
            {
                return text;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"anpr cluster did not write {path} within a minute");
    }
}
