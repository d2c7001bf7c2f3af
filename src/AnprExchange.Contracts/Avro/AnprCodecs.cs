using AnprExchange.Contracts.Avro.Mappers;
using AnprExchange.Contracts.Records;

namespace AnprExchange.Contracts.Avro;

/// <summary>
/// One codec per record type of the Kafka contract. The schemas are parsed and their fingerprints computed when this
/// class is first touched; call <see cref="All"/> at start-up to fail fast on a broken schema.
/// </summary>
public static class AnprCodecs
{
    public static AvroCodec<PlateRead> PlateRead { get; } = new(new PlateReadMapper());

    public static AvroCodec<HotlistEntryRecord> HotlistEntry { get; } = new(new HotlistEntryMapper());

    public static AvroCodec<HotlistBatchManifest> HotlistBatchManifest { get; } = new(new HotlistBatchManifestMapper());

    public static AvroCodec<Alert> Alert { get; } = new(new AlertMapper());

    public static AvroCodec<AlertAcknowledgement> AlertAcknowledgement { get; } = new(new AlertAcknowledgementMapper());

    public static AvroCodec<RejectedInput> RejectedInput { get; } = new(new RejectedInputMapper());

    /// <summary>Every codec as (record name, current fingerprint), e.g. for a start-up log line.</summary>
    public static IReadOnlyList<(string RecordName, long Fingerprint)> All =>
    [
        (PlateRead.RecordName, PlateRead.Fingerprint),
        (HotlistEntry.RecordName, HotlistEntry.Fingerprint),
        (HotlistBatchManifest.RecordName, HotlistBatchManifest.Fingerprint),
        (Alert.RecordName, Alert.Fingerprint),
        (AlertAcknowledgement.RecordName, AlertAcknowledgement.Fingerprint),
        (RejectedInput.RecordName, RejectedInput.Fingerprint),
    ];
}
