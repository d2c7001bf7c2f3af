using System.Text;
using AnprExchange.EdgeAgent.Spool;

namespace AnprExchange.EdgeAgent.Tests.Spool;

public sealed class ReadSpoolGroupCommitTests : IDisposable
{
    private readonly TempSpoolDirectory _directory = new();

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes($"read-{i:D6}-" + new string('p', i % 90));

    /// <summary>Stages reads <paramref name="from"/>..<paramref name="to"/> (exclusive) and appends them as one batch.</summary>
    private static void AppendBatch(ReadSpool spool, SpoolBatch batch, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var payload = Payload(i);
            Assert.True(batch.HasRoom(payload.Length));
            payload.CopyTo(batch.PayloadSpace);
            Assert.True(batch.TryStage(payload.Length));
        }
        spool.Append(batch);
    }

    private static IEnumerable<string> Expected(int count) => Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetString(Payload(i)));

    [Theory]
    [InlineData(SpoolFlushPolicy.PerBatch)]
    [InlineData(SpoolFlushPolicy.None)]
    public async Task AnAwaitedCommitMakesEveryAppendedReadVisibleInOrder(SpoolFlushPolicy policy)
    {
        using var spool = new ReadSpool(_directory.Options(policy: policy));
        var batch = new SpoolBatch(spool);
        AppendBatch(spool, batch, 0, 10);
        Assert.Empty(SpoolContents.ReadAll(spool));
        await spool.CommitAsync();
        Assert.Equal(10, spool.CommittedSequence);
        Assert.Equal(Expected(10), SpoolContents.ReadAll(spool).Select(r => r.Payload));
    }

    [Fact]
    public async Task ACommitWithNothingNewToWriteCompletesAtOnce()
    {
        using var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        Assert.True(spool.CommitAsync().IsCompletedSuccessfully);
        spool.TryAppend(Payload(0), out _);
        await spool.CommitAsync();
        Assert.True(spool.CommitAsync().IsCompletedSuccessfully);
    }

    [Fact]
    public async Task LargeBatchesHandedOverWithoutCopyInterleaveWithSingleAppendsInSequenceOrder()
    {
        using var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        var batch = new SpoolBatch(spool, capacity: 512 * 1024);
        var next = 0;
        for (var round = 0; round < 20; round++)
        {
            // ~80 KB batches go over by hand, then single reads are copied into the spool's open chunk between them.
            AppendBatch(spool, batch, next, next + 800);
            next += 800;
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(SpoolAppendResult.Appended, spool.TryAppend(Payload(next), out var sequence));
                Assert.Equal(next + 1, sequence);
                next++;
            }
            if (round % 3 == 0)
            {
                await spool.CommitAsync();
            }
        }
        await spool.CommitAsync();
        var records = SpoolContents.ReadAll(spool);
        Assert.Equal(Enumerable.Range(1, next).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(Expected(next), records.Select(r => r.Payload));
    }

    [Theory]
    [InlineData(SpoolFlushPolicy.PerBatch)]
    [InlineData(SpoolFlushPolicy.None)]
    public async Task AConnectionAppendingPastThePendingBoundWaitsForTheCommitterAndLosesNothing(SpoolFlushPolicy policy)
    {
        using var spool = new ReadSpool(_directory.Options(policy: policy));
        // The committer runs from the first request on; after it, no request is made until the end: appends past the
        // 16 MiB bound must wake it by themselves, or this would never finish.
        var count = 800;
        AppendBatch(spool, new SpoolBatch(spool), 0, count);
        await spool.CommitAsync();
        var commits = spool.GroupCommits;
        void AppendAll()
        {
            var batch = new SpoolBatch(spool, capacity: 512 * 1024);
            // ~58 KB batches (handed over without copy), ~30 MiB in all.
            for (var round = 0; round < 540; round++)
            {
                AppendBatch(spool, batch, count, count + 800);
                count += 800;
            }
        }
        var appending = Task.Run(AppendAll, TestContext.Current.CancellationToken);
        await appending.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        // The committer wrote what went past the bound (not the appending thread), with nobody asking for a commit.
        Assert.True(spool.GroupCommits > commits);
        await spool.CommitAsync();
        Assert.Equal(count, spool.CommittedSequence);
        Assert.Equal(Expected(count), SpoolContents.ReadAll(spool).Select(r => r.Payload));
    }

    [Fact]
    public async Task RecordsWrittenByTheCommitterCarryValidChecksumsAfterARestart()
    {
        var options = _directory.Options(policy: SpoolFlushPolicy.PerBatch);
        using (var spool = new ReadSpool(options))
        {
            var batch = new SpoolBatch(spool);
            AppendBatch(spool, batch, 0, 1000);
            AppendBatch(spool, batch, 1000, 1005);
            await spool.CommitAsync();
        }
        // Recovery stops at the first record whose CRC does not check out: all must be there.
        using var reopened = new ReadSpool(options);
        Assert.Equal(1006, reopened.NextSequence);
        Assert.Equal(Expected(1005), SpoolContents.ReadAll(reopened).Select(r => r.Payload));
    }

    [Fact]
    public async Task ConcurrentWritersSeeTheirOwnReadsCommittedWhenTheirCommitCompletes()
    {
        using var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        var requests = 0;
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (var round = 0; round < 50; round++)
            {
                long last = 0;
                for (var i = 0; i < 5; i++)
                {
                    Assert.Equal(SpoolAppendResult.Appended, spool.TryAppend(Payload((w * 1000) + round), out last));
                }
                Interlocked.Increment(ref requests);
                await spool.CommitAsync();
                Assert.True(spool.CommittedSequence >= last, $"read {last} acknowledged before it was committed ({spool.CommittedSequence})");
            }
        }, TestContext.Current.CancellationToken)).ToArray();
        await Task.WhenAll(writers);
        Assert.Equal(1000, SpoolContents.ReadAll(spool).Count);
        Assert.InRange(spool.GroupCommits, 1, requests);
    }

    [Fact]
    public async Task DisposingTheSpoolCommitsWhatWasAppendedAndCompletesWaitingRequests()
    {
        var options = _directory.Options(policy: SpoolFlushPolicy.PerBatch);
        Task commit;
        using (var spool = new ReadSpool(options))
        {
            var batch = new SpoolBatch(spool);
            AppendBatch(spool, batch, 0, 500);
            commit = spool.CommitAsync();
        }
        await commit;
        using var reopened = new ReadSpool(options);
        Assert.Equal(Expected(500), SpoolContents.ReadAll(reopened).Select(r => r.Payload));
    }

    [Fact]
    public async Task ACommitRequestedAfterDisposeIsRefused()
    {
        var spool = new ReadSpool(_directory.Options(policy: SpoolFlushPolicy.PerBatch));
        spool.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => spool.CommitAsync());
    }

    public void Dispose() => _directory.Dispose();
}
