using AnprExchange.Core.Index;
using AnprExchange.Hotlists.Signing;
using AnprExchange.Matcher;
using AnprExchange.Matcher.Indexing;
using AnprExchange.Matcher.Replication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AnprExchange.IntegrationTests.Hotlists;

/// <summary>A matcher host on a test cluster, with the index and replication status at hand.</summary>
internal sealed class MatcherHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private MatcherHarness(IHost host) => _host = host;

    public HotlistReplicationStatus Status => _host.Services.GetRequiredService<HotlistReplicationStatus>();

    public HotlistIndex Index => _host.Services.GetRequiredService<MatcherIndex>().Current;

    public static async Task<MatcherHarness> StartAsync(string bootstrapServers, HotlistTrustStore trust, string? snapshotDirectory = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Matcher:Country"] = "BE",
            ["Matcher:GroupId"] = "test-matcher",
            ["Matcher:SnapshotDirectory"] = snapshotDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(trust);
        builder.Services.AddAnprMatcher(builder.Configuration);
        var harness = new MatcherHarness(builder.Build());
        await harness._host.StartAsync(TestContext.Current.CancellationToken);
        await harness.Status.WhenCaughtUp(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return harness;
    }

    /// <summary>Waits until replication has read <paramref name="records"/> hotlist records since start.</summary>
    public async Task WaitForRecordsAsync(long records)
    {
        for (var i = 0; i < 600 && Status.RecordsConsumed < records; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        Assert.True(Status.RecordsConsumed >= records, $"replication read {Status.RecordsConsumed} of {records} hotlist records");
    }

    /// <summary>Entry ids the index matches for a plate as read at a time.</summary>
    public string[] Match(string plate, DateTimeOffset at)
    {
        Assert.Equal(Core.Plates.PlateStatus.Valid, PlateQuery.TryCreate(plate, at, out var query));
        var view = Index.Acquire();
        var matches = new HotlistMatch[16];
        var found = view.Lookup(query, matches);
        return [.. matches.AsSpan(0, found).ToArray().Select(m => view.GetEntryId(m)).Order()];
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }
}
