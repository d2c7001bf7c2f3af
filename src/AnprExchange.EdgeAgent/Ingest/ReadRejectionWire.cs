namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>The snake_case words of <see cref="ReadRejection"/> on the wire (TCP replies, HTTP problems, rejected topic).</summary>
public static class ReadRejectionWire
{
    public static string ToWire(this ReadRejection rejection) => rejection switch
    {
        ReadRejection.None => "none",
        ReadRejection.MalformedJson => "malformed_json",
        ReadRejection.NotAnObject => "not_an_object",
        ReadRejection.MissingCameraId => "missing_camera_id",
        ReadRejection.CameraIdTooLong => "camera_id_too_long",
        ReadRejection.ReadIdTooLong => "read_id_too_long",
        ReadRejection.MissingPlate => "missing_plate",
        ReadRejection.PlateEmpty => "plate_empty",
        ReadRejection.PlateInvalidCharacter => "plate_invalid_character",
        ReadRejection.PlateTooLong => "plate_too_long",
        ReadRejection.MissingTimestamp => "missing_timestamp",
        ReadRejection.InvalidTimestamp => "invalid_timestamp",
        ReadRejection.TimestampInFuture => "timestamp_in_future",
        ReadRejection.InvalidField => "invalid_field",
        ReadRejection.FieldTooLong => "field_too_long",
        ReadRejection.LineTooLong => "line_too_long",
        ReadRejection.SpoolFull => "spool_full",
        ReadRejection.MalformedXml => "malformed_xml",
        ReadRejection.UnsupportedPayload => "unsupported_payload",
        _ => "unknown",
    };

    /// <summary>A sentence for people (HTTP problem details, logs).</summary>
    public static string Describe(this ReadRejection rejection) => rejection switch
    {
        ReadRejection.MalformedJson => "the read is not valid JSON",
        ReadRejection.NotAnObject => "the read is not a JSON object",
        ReadRejection.MissingCameraId => "cameraId is missing or empty",
        ReadRejection.CameraIdTooLong => $"cameraId is longer than {ReadLineParser.MaxCameraIdBytes} bytes",
        ReadRejection.ReadIdTooLong => $"readId is longer than {ReadLineParser.MaxReadIdBytes} bytes",
        ReadRejection.MissingPlate => "plate is missing",
        ReadRejection.PlateEmpty => "plate is empty after removing separators",
        ReadRejection.PlateInvalidCharacter => "plate has a character other than A-Z, 0-9 and separators",
        ReadRejection.PlateTooLong => "plate is too long",
        ReadRejection.MissingTimestamp => "timestamp is missing",
        ReadRejection.InvalidTimestamp => "timestamp is not an ISO 8601 date and time",
        ReadRejection.TimestampInFuture => "timestamp is further in the future than the allowed clock skew",
        ReadRejection.InvalidField => "a field has the wrong type or is out of range (confidence 0..1, lat -90..90, lon -180..180)",
        ReadRejection.FieldTooLong => "country or direction is too long",
        ReadRejection.LineTooLong => "the line is longer than the configured limit",
        ReadRejection.SpoolFull => "the agent's spool is full; keep the read and resend later",
        ReadRejection.MalformedXml => "the payload is not well-formed XML",
        ReadRejection.UnsupportedPayload => "the payload is not an event of the endpoint's vendor format",
        _ => rejection.ToWire(),
    };
}
