using AnprExchange.Contracts.Audit;
using Microsoft.Extensions.Options;

namespace AnprExchange.ControlRoom;

/// <summary>Start-up validation of <see cref="ControlRoomOptions"/>: a console with a bad room or key must not start.</summary>
internal sealed class ControlRoomOptionsValidator : IValidateOptions<ControlRoomOptions>
{
    public ValidateOptionsResult Validate(string? name, ControlRoomOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Room))
        {
            errors.Add("ControlRoom:Room is required (--room).");
        }
        if (options.Country.Length != 2 || !options.Country.All(char.IsAsciiLetter))
        {
            errors.Add($"ControlRoom:Country '{options.Country}' is not an ISO 3166 alpha-2 code (--country).");
        }
        if (options.ThrottleWindow < TimeSpan.Zero)
        {
            errors.Add("ControlRoom:ThrottleWindow must not be negative.");
        }
        if (options.DeduplicationRetention <= TimeSpan.Zero || options.DeduplicationCapacity < 1)
        {
            errors.Add("ControlRoom:DeduplicationRetention and DeduplicationCapacity must be positive.");
        }
        if (options.ReplayLookback < TimeSpan.Zero)
        {
            errors.Add("ControlRoom:ReplayLookback must not be negative.");
        }
        if (options.MaxOpenAlerts < 1)
        {
            errors.Add("ControlRoom:MaxOpenAlerts must be at least 1.");
        }
        if (options.AuditKey.Length > 0 && !IsUsableKey(options.AuditKey))
        {
            errors.Add($"ControlRoom:AuditKey must be base64 of at least {PlatePseudonymizer.MinimumKeyBytes} bytes.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsUsableKey(string base64)
    {
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written >= PlatePseudonymizer.MinimumKeyBytes;
    }
}
