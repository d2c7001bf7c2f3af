using AnprExchange.Contracts.Records;
using AnprExchange.Hotlists.Batches;

namespace AnprExchange.Hotlists.Tests.Batches;

/// <summary>For tests that feed one batch per list at a time: at most one outcome per record, else the test is wrong.</summary>
internal static class AssemblerTestExtensions
{
    public static HotlistBatchOutcome? AddOne(this HotlistBatchAssembler assembler, HotlistEntryRecord entry) => One(assembler.Add(entry));

    public static HotlistBatchOutcome? AddOne(this HotlistBatchAssembler assembler, HotlistBatchManifest manifest) => One(assembler.Add(manifest));

    private static HotlistBatchOutcome? One(IReadOnlyList<HotlistBatchOutcome> outcomes) => outcomes switch
    {
        [] => null,
        [var only] => only,
        _ => throw new InvalidOperationException($"{outcomes.Count} outcomes from one record: {string.Join("; ", outcomes)}"),
    };
}
