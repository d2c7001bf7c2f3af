namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>Why a camera read was not accepted. Sent back as <c>err &lt;wire&gt;</c> and to the rejected topic.</summary>
public enum ReadRejection : byte
{
    None,
    MalformedJson,
    NotAnObject,
    MissingCameraId,
    CameraIdTooLong,
    ReadIdTooLong,
    MissingPlate,
    PlateEmpty,
    PlateInvalidCharacter,
    PlateTooLong,
    MissingTimestamp,
    InvalidTimestamp,
    TimestampInFuture,
    InvalidField,
    FieldTooLong,
    LineTooLong,
    SpoolFull,
    MalformedXml,
    UnsupportedPayload,
}
