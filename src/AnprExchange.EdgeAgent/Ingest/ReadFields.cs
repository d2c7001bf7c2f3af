using System.Runtime.CompilerServices;
using AnprExchange.Core.Plates;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>
/// The fields of one read as found by either parser (spans into the line or the scratch buffer), and the one place
/// that validates them and writes the spool record. Type errors are kept in document order, first one wins.
/// </summary>
internal ref partial struct ReadFields
{
    public ReadOnlySpan<byte> ReadId;
    public ReadOnlySpan<byte> CameraId;
    public ReadOnlySpan<byte> Plate;
    public ReadOnlySpan<byte> Country;
    public ReadOnlySpan<byte> Direction;
    public bool HasReadId;
    public bool HasCameraId;
    public bool HasPlate;
    public bool HasTimestamp;
    public SpooledRead.Fields Present;
    // The timestamp as the record keeps it: UTC ticks and the offset in minutes.
    public long TimestampUtcTicks;
    public short TimestampOffsetMinutes;
    // The plate's normalisation status plus one when the scan already knows it (0: Complete normalises).
    public byte PlateCheck;
    // Each number is its value divided by 10^scale: the fast path keeps the numerator and the scale of a decimal
    // and divides when the record is written, off the scan's path; the general parser stores values with scale 0.
    public double Confidence;
    public double Lat;
    public double Lon;
    public byte ConfidenceScale;
    public byte LatScale;
    public byte LonScale;
    public ReadRejection Rejection;

    public void Keep(ReadRejection rejection)
    {
        if (Rejection == ReadRejection.None)
        {
            Rejection = rejection;
        }
    }

    /// <summary>Stores a number if it is in range, else notes <see cref="ReadRejection.InvalidField"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetNumber(ReadField field, double value)
    {
        switch (field)
        {
            case ReadField.Confidence when value is >= 0.0 and <= 1.0:
                Present |= SpooledRead.Fields.Confidence;
                Confidence = value;
                ConfidenceScale = 0;
                break;
            case ReadField.Lat when value is >= -90.0 and <= 90.0:
                Present |= SpooledRead.Fields.Lat;
                Lat = value;
                LatScale = 0;
                break;
            case ReadField.Lon when value is >= -180.0 and <= 180.0:
                Present |= SpooledRead.Fields.Lon;
                Lon = value;
                LonScale = 0;
                break;
            default:
                // Out of range, or NaN.
                Keep(ReadRejection.InvalidField);
                break;
        }
    }

    /// <summary>
    /// Stores ±<paramref name="mantissa"/> / 10^<paramref name="decimals"/> (at most 14 digits, 7 decimals) if it is in
    /// range, else notes <see cref="ReadRejection.InvalidField"/>, as <see cref="SetNumber"/> would for its double.
    /// The bounds are compared in integers: a decimal with at most 7 places that is not equal to a bound differs from
    /// it by at least 10^-7, far more than the double's rounding, so the double lies on the same side.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetDecimal(ReadField field, long mantissa, int decimals, bool negative)
    {
        var one = JsonNumber.PowersOf10Integer[decimals];
        // Exact: below 2^53. A negative zero stays negative, as the general parser's double does.
        var numerator = negative ? -(double)mantissa : mantissa;
        switch (field)
        {
            // -0 is a valid confidence (-0.0 >= 0.0), any other negative is not.
            case ReadField.Confidence when mantissa <= one && (!negative || mantissa == 0):
                Present |= SpooledRead.Fields.Confidence;
                Confidence = numerator;
                ConfidenceScale = (byte)decimals;
                break;
            case ReadField.Lat when mantissa <= 90 * one:
                Present |= SpooledRead.Fields.Lat;
                Lat = numerator;
                LatScale = (byte)decimals;
                break;
            case ReadField.Lon when mantissa <= 180 * one:
                Present |= SpooledRead.Fields.Lon;
                Lon = numerator;
                LonScale = (byte)decimals;
                break;
            default:
                Keep(ReadRejection.InvalidField);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetString(ReadField field, ReadOnlySpan<byte> value)
    {
        switch (field)
        {
            case ReadField.ReadId:
                ReadId = value;
                HasReadId = true;
                break;
            case ReadField.CameraId:
                CameraId = value;
                HasCameraId = true;
                break;
            case ReadField.Plate:
                Plate = value;
                HasPlate = true;
                PlateCheck = 0;
                break;
            case ReadField.Country:
                Country = value;
                Present |= SpooledRead.Fields.Country;
                break;
            case ReadField.Direction:
                Direction = value;
                Present |= SpooledRead.Fields.Direction;
                break;
        }
    }

    public void SetTimestamp(DateTimeOffset timestamp)
    {
        TimestampUtcTicks = timestamp.UtcTicks;
        TimestampOffsetMinutes = (short)timestamp.TotalOffsetMinutes;
    }

    /// <summary>A plate whose normalisation status the scan worked out already.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetPlate(ReadOnlySpan<byte> value, PlateStatus status)
    {
        Plate = value;
        HasPlate = true;
        PlateCheck = (byte)(status + 1);
    }
}
