using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Tests;

/// <summary>Sample records, full and minimal, with unicode; times at millisecond precision (what Avro keeps).</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Seen = new(2026, 12, 4, 10, 15, 30, 123, TimeSpan.Zero);

    public static PlateRead FullRead() => new()
    {
        ReadId = "cam-17:42",
        CameraId = "cam-17",
        Timestamp = Seen,
        Plate = "1-ABC-123",
        Country = "BE",
        Confidence = 0.93,
        Lat = 51.2,
        Lon = 4.4,
        Direction = "in",
        IngestedAt = Seen.AddMilliseconds(250),
    };

    public static PlateRead MinimalRead() => new()
    {
        ReadId = "",
        CameraId = "c",
        Timestamp = new DateTimeOffset(1969, 7, 20, 20, 17, 40, TimeSpan.Zero),
        Plate = "X",
    };

    public static PlateRead UnicodeRead() => FullRead() with
    {
        CameraId = "caméra-Liège-北-😀",
        Plate = "ÄÖ·ü 12",
        Direction = "→ noord",
        Timestamp = new DateTimeOffset(2026, 12, 4, 11, 15, 30, 1, TimeSpan.FromHours(1)),
    };

    public static AlertMatch Match(int priority = 1, MatchKind kind = MatchKind.Exact) => new()
    {
        EntryId = "nl-000123",
        SourceCountry = "NL",
        List = "stolen-vehicles",
        Category = HotlistCategory.StolenVehicle,
        Action = HotlistAction.Stop,
        Priority = priority,
        MatchKind = kind,
        Reference = "PV-2026-0042",
    };

    public static Alert FullAlert() => new()
    {
        AlertId = "alert-cam-17:42",
        ReadId = "cam-17:42",
        CameraId = "cam-17",
        Timestamp = Seen,
        Plate = "1ABC123",
        Country = "BE",
        Lat = 51.2,
        Lon = 4.4,
        Direction = "in",
        Matches =
        [
            Match(),
            Match(40, MatchKind.OcrEquivalent) with
            {
                EntryId = "be-ß-7",
                SourceCountry = "BE",
                Category = HotlistCategory.SisDiscreetCheck,
                Action = HotlistAction.Observe,
                Reference = null,
                Covert = true,
            },
        ],
        RaisedAt = Seen.AddMilliseconds(7),
        IngestedAt = Seen.AddMilliseconds(3),
        ControlRoom = "antwerpen",
    };

    public static Alert MinimalAlert() => new()
    {
        AlertId = "a",
        ReadId = "r",
        CameraId = "c",
        Timestamp = Seen,
        Plate = "P",
        Matches = [],
        RaisedAt = Seen,
    };

    public static HotlistEntryRecord FullEntry() => new()
    {
        BatchId = "batch-2026-12-04-001",
        Sequence = 41,
        Operation = HotlistEntryOperation.Upsert,
        SourceCountry = "LU",
        List = "wanted",
        EntryId = "lu-9",
        Plate = "AB*12?",
        PlateCountry = "LU",
        Category = HotlistCategory.WantedPerson,
        Action = HotlistAction.Seize,
        Priority = 0,
        ValidFrom = Seen.AddDays(-1),
        ValidUntil = Seen.AddDays(30),
        Covert = true,
        Reference = "réf. 12/34",
        Remarks = "armé — ne pas approcher",
    };

    public static HotlistEntryRecord DeleteEntry() => new()
    {
        BatchId = "b",
        Sequence = 0,
        Operation = HotlistEntryOperation.Delete,
        SourceCountry = "NL",
        List = "l",
        EntryId = "e",
        Plate = "",
    };

    public static HotlistBatchManifest Manifest() => new()
    {
        BatchId = "batch-2026-12-04-001",
        Country = "LU",
        List = "wanted",
        Version = 1_733_300_000_123,
        Mode = HotlistPushMode.Delta,
        EntryCount = 42,
        EntriesSha256 = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7))],
        SignerKeyId = "lu-admin-2026",
        Signature = [.. Enumerable.Range(0, 72).Select(i => (byte)(255 - i))],
        CreatedAt = Seen,
        OcrTolerance = 2,
    };

    public static AlertAcknowledgement Acknowledgement() => new()
    {
        AlertId = "alert-cam-17:42",
        ControlRoom = "antwerpen",
        Operator = "inspecteur Dupré",
        Outcome = AlertOutcome.NotFound,
        AcknowledgedAt = Seen.AddMinutes(3),
        Remarks = "voertuig niet aangetroffen",
    };

    public static RejectedInput Rejected() => new()
    {
        Source = "agent/tcp",
        Reason = "missing required field 'plate'",
        Raw = "{\"cameraId\":\"cam-17\"}"u8.ToArray(),
        RawTruncated = false,
        ReceivedAt = Seen,
        CameraId = "cam-17",
    };
}
