namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// Parses one read line (design.md read JSON) straight into its spool bytes (<see cref="SpooledRead"/>): no
/// strings, no records, no allocation. Every failure is a typed <see cref="ReadRejection"/>, never an exception.
/// Two parsers find the fields: <see cref="FlatReadScanner"/> for the common shape (a flat object, ASCII strings
/// without escapes), and <see cref="JsonReadParser"/> (Utf8JsonReader) for everything else; a differential fuzz test
/// holds them to the same answers.
/// </summary>
public static class ReadLineParser
{
    public const int MaxReadIdBytes = 128;
    public const int MaxCameraIdBytes = 64;
    public const int MaxShortFieldBytes = 32;
    internal const int MaxPlateBytes = 64;

    /// <summary>Size of the scratch buffer the parser needs for a line of <paramref name="lineLength"/> bytes.</summary>
    public static int ScratchLength(int lineLength) => lineLength;

    /// <summary>Size of the payload buffer the parser needs for a line of <paramref name="lineLength"/> bytes.</summary>
    public static int PayloadLength(int lineLength) => SpooledRead.MaxLength(lineLength + MaxCameraIdBytes + 64);

    /// <summary>
    /// Parses <paramref name="line"/> (without its newline). Unescaped strings may go to <paramref name="scratch"/>;
    /// on success the spool record is in <paramref name="payload"/>[..<paramref name="payloadLength"/>].
    /// </summary>
    public static ReadRejection Parse(ReadOnlySpan<byte> line, Span<byte> scratch, Span<byte> payload, in ReadParseContext context, out int payloadLength)
    {
        var fields = default(ReadFields);
        if (!FlatReadScanner.TryScan(line, ref fields))
        {
            fields = default;
            JsonReadParser.Parse(line, scratch, ref fields);
        }
        return fields.Complete(payload, context, out payloadLength);
    }

    /// <summary>The general parser only (for the differential test and as the reference).</summary>
    internal static ReadRejection ParseWithJsonReader(ReadOnlySpan<byte> line, Span<byte> scratch, Span<byte> payload, in ReadParseContext context, out int payloadLength)
    {
        var fields = default(ReadFields);
        JsonReadParser.Parse(line, scratch, ref fields);
        return fields.Complete(payload, context, out payloadLength);
    }

    /// <summary>True if the fast scanner handles <paramref name="line"/> itself (for tests).</summary>
    internal static bool IsFastPath(ReadOnlySpan<byte> line)
    {
        var fields = default(ReadFields);
        return FlatReadScanner.TryScan(line, ref fields);
    }
}
