using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Avro.Mappers;

/// <summary><see cref="Alert"/> (with its <see cref="AlertMatch"/> array) ↔ schemas/Alert.avsc, fields in schema order.</summary>
internal sealed class AlertMapper : IAvroRecordMapper<Alert>
{
    public string RecordName => "Alert";

    public void Write(AvroWriter writer, Alert value)
    {
        writer.WriteString("alertId", value.AlertId);
        writer.WriteString("readId", value.ReadId);
        writer.WriteString("cameraId", value.CameraId);
        writer.WriteTimestamp(value.Timestamp);
        writer.WriteString("plate", value.Plate);
        writer.WriteOptionalString("country", value.Country);
        writer.WriteOptionalDouble(value.Lat);
        writer.WriteOptionalDouble(value.Lon);
        writer.WriteOptionalString("direction", value.Direction);
        var matches = value.Matches ?? [];
        writer.WriteArrayStart(matches.Count);
        for (var i = 0; i < matches.Count; i++)
        {
            WriteMatch(writer, matches[i]);
        }
        writer.WriteArrayEnd();
        writer.WriteTimestamp(value.RaisedAt);
        writer.WriteOptionalTimestamp(value.IngestedAt);
        writer.WriteString("controlRoom", value.ControlRoom);
    }

    public Alert Read(ref AvroReader reader) => new()
    {
        AlertId = reader.ReadString("alertId"),
        ReadId = reader.ReadString("readId"),
        CameraId = reader.ReadString("cameraId"),
        Timestamp = reader.ReadTimestamp("timestamp"),
        Plate = reader.ReadString("plate"),
        Country = reader.ReadOptionalString("country"),
        Lat = reader.ReadOptionalDouble("lat"),
        Lon = reader.ReadOptionalDouble("lon"),
        Direction = reader.ReadOptionalString("direction"),
        Matches = ReadMatches(ref reader),
        RaisedAt = reader.ReadTimestamp("raisedAt"),
        IngestedAt = reader.ReadOptionalTimestamp("ingestedAt"),
        ControlRoom = reader.ReadString("controlRoom"),
    };

    private static void WriteMatch(AvroWriter writer, AlertMatch match)
    {
        writer.WriteString("matches.entryId", match.EntryId);
        writer.WriteString("matches.sourceCountry", match.SourceCountry);
        writer.WriteString("matches.list", match.List);
        writer.WriteEnum("matches.category", (int)match.Category, EnumSymbols<HotlistCategory>.Count);
        writer.WriteEnum("matches.action", (int)match.Action, EnumSymbols<HotlistAction>.Count);
        writer.WriteInt(match.Priority);
        writer.WriteEnum("matches.matchKind", (int)match.MatchKind, EnumSymbols<MatchKind>.Count);
        writer.WriteOptionalString("matches.reference", match.Reference);
        writer.WriteBoolean(match.Covert);
    }

    private static AlertMatch[] ReadMatches(ref AvroReader reader)
    {
        var matches = new List<AlertMatch>();
        int count;
        // Every AlertMatch takes at least 8 bytes (three string lengths, three enums, priority, reference branch, covert).
        while ((count = reader.ReadBlockCount("matches", minItemSize: 8)) != 0)
        {
            for (var i = 0; i < count; i++)
            {
                matches.Add(ReadMatch(ref reader));
            }
        }
        return [.. matches];
    }

    private static AlertMatch ReadMatch(ref AvroReader reader) => new()
    {
        EntryId = reader.ReadString("matches.entryId"),
        SourceCountry = reader.ReadString("matches.sourceCountry"),
        List = reader.ReadString("matches.list"),
        Category = (HotlistCategory)reader.ReadEnum("matches.category", EnumSymbols<HotlistCategory>.Count),
        Action = (HotlistAction)reader.ReadEnum("matches.action", EnumSymbols<HotlistAction>.Count),
        Priority = reader.ReadInt("matches.priority"),
        MatchKind = (MatchKind)reader.ReadEnum("matches.matchKind", EnumSymbols<MatchKind>.Count),
        Reference = reader.ReadOptionalString("matches.reference"),
        Covert = reader.ReadBoolean("matches.covert"),
    };
}
