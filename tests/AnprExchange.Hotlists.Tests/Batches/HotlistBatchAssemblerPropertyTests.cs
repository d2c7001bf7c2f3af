using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Batches;
using AnprExchange.Hotlists.Signing;
using CsCheck;

namespace AnprExchange.Hotlists.Tests.Batches;

public sealed class HotlistBatchAssemblerPropertyTests : IDisposable
{
    private readonly HotlistSigningKey _key = HotlistSigningKey.Generate();
    private readonly HotlistTrustStore _trust;

    public HotlistBatchAssemblerPropertyTests() => _trust = TestBatches.Trusting("BE", _key);

    /// <summary>
    /// Several pushes (one list each) spread over partitions, records interleaved at random but in order within a
    /// partition, some records lost: a batch commits exactly when all its records arrived, with exactly its entries.
    /// </summary>
    [Fact]
    public void ABatchCommitsExactlyWhenAllItsRecordsArriveWhateverTheInterleaving()
    {
        var gen = Gen.Select(Gen.Int[0, 6].Array[1, 4], Gen.Int[1, 4], Gen.Int[0, 3], Gen.Int[0, int.MaxValue], (sizes, partitions, lossPercentTenths, seed) =>
            (sizes, partitions, loss: lossPercentTenths * 0.05, seed));
        gen.Sample(c =>
        {
            var random = new Random(c.seed);
            var batches = c.sizes.Select((size, i) => TestBatches.Build(_key, version: 1, count: size, list: $"list{i}")).ToArray();
            var queues = Enumerable.Range(0, c.partitions).Select(_ => new Queue<object>()).ToArray();
            var lost = new HashSet<string>();
            foreach (var batch in batches)
            {
                var records = batch.Entries.Cast<object>().Append(batch.Manifest);
                foreach (var record in records)
                {
                    if (random.NextDouble() < c.loss)
                    {
                        lost.Add(batch.Manifest.BatchId);
                        continue;
                    }
                    queues[random.Next(c.partitions)].Enqueue(record);
                }
            }
            var assembler = new HotlistBatchAssembler(new HotlistBatchVerifier(_trust), TestBatches.Clock());
            var committed = new Dictionary<string, IReadOnlyList<HotlistEntryRecord>>();
            while (queues.Any(q => q.Count > 0))
            {
                var queue = queues[random.Next(queues.Length)];
                if (queue.Count == 0)
                {
                    continue;
                }
                var outcome = queue.Dequeue() switch
                {
                    HotlistEntryRecord entry => assembler.AddOne(entry),
                    HotlistBatchManifest manifest => assembler.AddOne(manifest),
                    _ => null,
                };
                if (outcome is { Kind: HotlistBatchOutcomeKind.Committed })
                {
                    committed.Add(outcome.BatchId, outcome.Entries);
                }
                else if (outcome is not null)
                {
                    return false;
                }
            }
            return batches.All(b => lost.Contains(b.Manifest.BatchId)
                ? !committed.ContainsKey(b.Manifest.BatchId)
                : committed.TryGetValue(b.Manifest.BatchId, out var entries) && entries.SequenceEqual(b.Entries));
        }, iter: 200);
    }

    public void Dispose()
    {
        _trust.Dispose();
        _key.Dispose();
    }
}
