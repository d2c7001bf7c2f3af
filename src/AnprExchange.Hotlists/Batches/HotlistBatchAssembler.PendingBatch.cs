using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Batches;

public sealed partial class HotlistBatchAssembler
{
    /// <summary>Entries of one batch seen so far, by sequence; <see cref="InRange"/> counts distinct sequences 0..n-1 once the manifest is known.</summary>
    private sealed class PendingBatch(string batchId, string country, string list)
    {
        public string BatchId { get; } = batchId;
        public string Country { get; } = country;
        public string List { get; } = list;
        public Dictionary<int, HotlistEntryRecord> Entries { get; } = [];
        public HotlistBatchManifest? Manifest { get; private set; }
        public int InRange { get; private set; }
        public DateTimeOffset LastActivity { get; set; }

        public bool IsComplete => Manifest is not null && InRange == Manifest.EntryCount;

        /// <summary>Adds or replaces (a redelivery; the digest decides if it differs); true when the sequence is new.</summary>
        public bool Add(HotlistEntryRecord entry)
        {
            var isNew = !Entries.ContainsKey(entry.Sequence);
            Entries[entry.Sequence] = entry;
            if (isNew && Manifest is not null && InManifestRange(entry.Sequence))
            {
                InRange++;
            }
            return isNew;
        }

        public void SetManifest(HotlistBatchManifest manifest)
        {
            Manifest = manifest;
            InRange = Entries.Keys.Count(InManifestRange);
        }

        /// <summary>Entries 0..n-1; extra sequences beyond the manifest's count are not part of the signed batch and are left out.</summary>
        public HotlistEntryRecord[] InSequenceOrder()
        {
            var entries = new HotlistEntryRecord[Manifest!.EntryCount];
            for (var i = 0; i < entries.Length; i++)
            {
                entries[i] = Entries[i];
            }
            return entries;
        }

        private bool InManifestRange(int sequence) => (uint)sequence < (uint)Manifest!.EntryCount;
    }
}
