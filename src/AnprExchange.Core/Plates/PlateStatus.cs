namespace AnprExchange.Core.Plates;

/// <summary>Outcome of plate normalisation; anything but <see cref="Valid"/> makes the read or entry invalid.</summary>
public enum PlateStatus
{
    Valid,
    Empty,
    InvalidCharacter,
    TooLong,
}

public static class PlateStatusExtensions
{
    /// <summary>A reason fit for an error message or a rejected-input record.</summary>
    public static string Describe(this PlateStatus status) => status switch
    {
        PlateStatus.Valid => "valid",
        PlateStatus.Empty => "plate is empty after removing separators",
        PlateStatus.InvalidCharacter => "plate has a character other than A-Z, 0-9 and separators",
        PlateStatus.TooLong => $"plate is longer than {PlateNormalizer.MaxLength} characters",
        _ => status.ToString(),
    };
}
