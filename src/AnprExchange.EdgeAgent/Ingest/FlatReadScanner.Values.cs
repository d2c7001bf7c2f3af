using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AnprExchange.EdgeAgent.Ingest;

/// <summary>The values of known fields, for both scans.</summary>
internal static partial class FlatReadScanner
{
    /// <summary>A string value, between the quotes at <paramref name="start"/> - 1 and <paramref name="end"/>; false to decline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StringValue(ReadOnlySpan<byte> line, int start, int end, ReadField field, ref ReadFields fields)
    {
        // start <= end < line.Length (see Scan).
        var value = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref MemoryMarshal.GetReference(line), start), end - start);
        // One dispatch on the field, each case storing its own value (SetString would switch again).
        switch (field)
        {
            case ReadField.ReadId:
                fields.ReadId = value;
                fields.HasReadId = true;
                return true;
            case ReadField.CameraId:
                fields.CameraId = value;
                fields.HasCameraId = true;
                return true;
            case ReadField.Timestamp:
                fields.HasTimestamp = true;
                // An unusual (or invalid) form: let the general parser judge it.
                return IsoTimestamp.TryParse(value, out fields.TimestampUtcTicks, out fields.TimestampOffsetMinutes);
            case ReadField.Plate:
                if (value.Length <= AsciiPlate.MaxLength && start + AsciiPlate.MaxLength <= line.Length)
                {
                    // The fast path's strings are ASCII; 16 bytes from the plate on are inside the line.
                    fields.SetPlate(value, AsciiPlate.Check(ref Unsafe.Add(ref MemoryMarshal.GetReference(line), start), value.Length));
                }
                else
                {
                    fields.SetString(field, value);
                }
                return true;
            case ReadField.Country:
                fields.Country = value;
                fields.Present |= SpooledRead.Fields.Country;
                return true;
            case ReadField.Direction:
                fields.Direction = value;
                fields.Present |= SpooledRead.Fields.Direction;
                return true;
            case ReadField.Confidence or ReadField.Lat or ReadField.Lon:
                fields.Keep(ReadRejection.InvalidField);
                return true;
            default:
                return true;
        }
    }

    /// <summary>A number at <paramref name="at"/>; returns the index after it, or -1 to decline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NumberValue(ReadOnlySpan<byte> line, int at, ReadField field, ref ReadFields fields)
    {
        if (JsonNumber.TryParseShort(line, at, out var mantissa, out var decimals, out var negative, out var end))
        {
            if (field is ReadField.Confidence or ReadField.Lat or ReadField.Lon)
            {
                fields.SetDecimal(field, mantissa, decimals, negative);
            }
            else
            {
                WrongKindOfValue(field, ref fields);
            }
            return end;
        }
        return ExactNumberValue(line, at, field, ref fields);
    }

    private static int ExactNumberValue(ReadOnlySpan<byte> line, int at, ReadField field, ref ReadFields fields)
    {
        at = JsonNumber.ParseExact(line, at, out var number);
        if (at < 0)
        {
            return -1;
        }
        if (field is ReadField.Confidence or ReadField.Lat or ReadField.Lon)
        {
            fields.SetNumber(field, number);
        }
        else
        {
            WrongKindOfValue(field, ref fields);
        }
        return at;
    }

    /// <summary>A number or literal for a field that takes neither (ignored for unknown fields).</summary>
    private static void WrongKindOfValue(ReadField field, ref ReadFields fields)
    {
        switch (field)
        {
            case ReadField.Timestamp:
                fields.HasTimestamp = true;
                fields.Keep(ReadRejection.InvalidTimestamp);
                break;
            case ReadField.Other:
                break;
            default:
                fields.Keep(ReadRejection.InvalidField);
                break;
        }
    }

    /// <summary>true, false or null at <paramref name="at"/>; returns the index after it, or -1 to decline.</summary>
    private static int LiteralValue(ReadOnlySpan<byte> line, int at, ReadField field, ref ReadFields fields)
    {
        var rest = line[at..];
        if (rest.StartsWith("null"u8))
        {
            return at + 4;
        }
        var isTrue = rest.StartsWith("true"u8);
        if (!isTrue && !rest.StartsWith("false"u8))
        {
            return -1;
        }
        WrongKindOfValue(field, ref fields);
        return at + (isTrue ? 4 : 5);
    }
}
