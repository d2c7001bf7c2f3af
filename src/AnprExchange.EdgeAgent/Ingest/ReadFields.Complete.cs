using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AnprExchange.Core.Plates;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>Validation of the fields found, in a fixed order (the first failure is the answer), and the record.</summary>
internal ref partial struct ReadFields
{
    /// <summary>Validates and, when valid, writes the spool record into <paramref name="payload"/>.</summary>
    public readonly ReadRejection Complete(Span<byte> payload, in ReadParseContext context, out int payloadLength)
    {
        payloadLength = 0;
        if (Rejection != ReadRejection.None)
        {
            return Rejection;
        }
        if (!HasCameraId || CameraId.IsEmpty)
        {
            return ReadRejection.MissingCameraId;
        }
        if (CameraId.Length > ReadLineParser.MaxCameraIdBytes)
        {
            return ReadRejection.CameraIdTooLong;
        }
        if (!HasPlate)
        {
            return ReadRejection.MissingPlate;
        }
        if (Plate.Length > ReadLineParser.MaxPlateBytes)
        {
            return ReadRejection.PlateTooLong;
        }
        switch (PlateCheck != 0 ? (PlateStatus)(PlateCheck - 1) : Normalize(Plate))
        {
            case PlateStatus.Valid:
                break;
            case PlateStatus.Empty:
                return ReadRejection.PlateEmpty;
            case PlateStatus.TooLong:
                return ReadRejection.PlateTooLong;
            default:
                return ReadRejection.PlateInvalidCharacter;
        }
        if (!HasTimestamp)
        {
            return ReadRejection.MissingTimestamp;
        }
        // As DateTimeOffset subtraction does it: the difference of the UTC ticks.
        if (TimestampUtcTicks - context.Now.UtcTicks > context.MaxFutureSkew.Ticks)
        {
            return ReadRejection.TimestampInFuture;
        }
        if (HasReadId && ReadId.Length > ReadLineParser.MaxReadIdBytes)
        {
            return ReadRejection.ReadIdTooLong;
        }
        if (Country.Length > ReadLineParser.MaxShortFieldBytes || Direction.Length > ReadLineParser.MaxShortFieldBytes)
        {
            return ReadRejection.FieldTooLong;
        }

        // Three independent divisions (exact for scale 0); nothing waits on them but the stores.
        var powers = JsonNumber.PowersOf10;
        SpooledRead.WriteHead(payload, Present, TimestampUtcTicks, TimestampOffsetMinutes, context.Now.UtcTicks, Confidence / powers[ConfidenceScale], Lat / powers[LatScale], Lon / powers[LonScale]);
        var at = SpooledRead.HeadLength;
        // The lengths are bounded by the checks above: one capacity check covers the rest of the record.
        var hasReadId = HasReadId && !ReadId.IsEmpty;
        if (hasReadId && payload.Length - at >= (5 * sizeof(ushort)) + ReadId.Length + CameraId.Length + Plate.Length + Country.Length + Direction.Length)
        {
            ref var record = ref MemoryMarshal.GetReference(payload);
            at = SpooledRead.WriteStringUnchecked(ref record, at, ReadId);
            at = SpooledRead.WriteStringUnchecked(ref record, at, CameraId);
            at = SpooledRead.WriteStringUnchecked(ref record, at, Plate);
            at = SpooledRead.WriteStringUnchecked(ref record, at, Country);
            at = SpooledRead.WriteStringUnchecked(ref record, at, Direction);
        }
        else
        {
            if (hasReadId)
            {
                at = SpooledRead.WriteString(payload, at, ReadId);
            }
            else
            {
                var length = context.Ids.Write(CameraId, payload[(at + sizeof(ushort))..]);
                at = SpooledRead.WriteString(payload, at, payload.Slice(at + sizeof(ushort), length));
            }
            at = SpooledRead.WriteString(payload, at, CameraId);
            at = SpooledRead.WriteString(payload, at, Plate);
            at = SpooledRead.WriteString(payload, at, Country);
            at = SpooledRead.WriteString(payload, at, Direction);
        }
        payloadLength = at;
        return ReadRejection.None;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static PlateStatus Normalize(ReadOnlySpan<byte> plate)
    {
        Span<byte> normalized = stackalloc byte[PlateNormalizer.MaxLength];
        return PlateNormalizer.Normalize(plate, normalized, out _);
    }
}
