using AnprExchange.Contracts.Avro;

namespace AnprExchange.Contracts.Tests.Avro;

/// <summary>A valid message of each record type, with the decoder for it, by name (for theories).</summary>
internal static class CodecCases
{
    public sealed record Case(string Name, byte[] Message, long Fingerprint, Func<byte[], object> Decode);

    public static readonly IReadOnlyDictionary<string, Case> ByName = new Case[]
    {
        new("PlateRead", AnprCodecs.PlateRead.Encode(Samples.FullRead()), AnprCodecs.PlateRead.Fingerprint, m => AnprCodecs.PlateRead.Decode(m)),
        new("PlateReadMinimal", AnprCodecs.PlateRead.Encode(Samples.MinimalRead()), AnprCodecs.PlateRead.Fingerprint, m => AnprCodecs.PlateRead.Decode(m)),
        new("HotlistEntry", AnprCodecs.HotlistEntry.Encode(Samples.FullEntry()), AnprCodecs.HotlistEntry.Fingerprint, m => AnprCodecs.HotlistEntry.Decode(m)),
        new("HotlistBatchManifest", AnprCodecs.HotlistBatchManifest.Encode(Samples.Manifest()), AnprCodecs.HotlistBatchManifest.Fingerprint, m => AnprCodecs.HotlistBatchManifest.Decode(m)),
        new("Alert", AnprCodecs.Alert.Encode(Samples.FullAlert()), AnprCodecs.Alert.Fingerprint, m => AnprCodecs.Alert.Decode(m)),
        new("AlertAcknowledgement", AnprCodecs.AlertAcknowledgement.Encode(Samples.Acknowledgement()), AnprCodecs.AlertAcknowledgement.Fingerprint, m => AnprCodecs.AlertAcknowledgement.Decode(m)),
        new("RejectedInput", AnprCodecs.RejectedInput.Encode(Samples.Rejected()), AnprCodecs.RejectedInput.Fingerprint, m => AnprCodecs.RejectedInput.Decode(m)),
        new("PlateRead.v1", HistoricMessages.PlateReadV1(Samples.FullRead()), HistoricMessages.PlateReadV1Fingerprint, m => AnprCodecs.PlateRead.Decode(m)),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> Names => [.. ByName.Keys];
}
