namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>The properties of the read JSON the agent knows; anything else is ignored.</summary>
internal enum ReadField
{
    Other,
    ReadId,
    CameraId,
    Timestamp,
    Plate,
    Country,
    Confidence,
    Lat,
    Lon,
    Direction,
}

internal static class ReadFieldNames
{
    public static ReadField Identify(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("lat"u8) => ReadField.Lat,
        3 when name.SequenceEqual("lon"u8) => ReadField.Lon,
        5 when name.SequenceEqual("plate"u8) => ReadField.Plate,
        6 when name.SequenceEqual("readId"u8) => ReadField.ReadId,
        7 when name.SequenceEqual("country"u8) => ReadField.Country,
        8 when name.SequenceEqual("cameraId"u8) => ReadField.CameraId,
        9 when name.SequenceEqual("timestamp"u8) => ReadField.Timestamp,
        9 when name.SequenceEqual("direction"u8) => ReadField.Direction,
        10 when name.SequenceEqual("confidence"u8) => ReadField.Confidence,
        _ => ReadField.Other,
    };
}
