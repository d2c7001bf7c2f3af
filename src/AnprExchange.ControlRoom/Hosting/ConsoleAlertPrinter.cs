using AnprExchange.ControlRoom.Alerts;

namespace AnprExchange.ControlRoom.Hosting;

/// <summary>
/// <c>anpr controlroom --console</c>: prints new alarms and sightings to the terminal through the logger. Logs are not
/// the console page: the plate is masked (first two characters) at Information level.
/// </summary>
public sealed partial class ConsoleAlertPrinter(OpenAlertStore store, ILogger<ConsoleAlertPrinter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using var subscription = store.Subscribe();
                foreach (var open in subscription.Snapshot.Reverse())
                {
                    Print(open);
                }
                await foreach (var change in subscription.Changes.ReadAllAsync(stoppingToken))
                {
                    if (change.Alert is { } open)
                    {
                        Print(open);
                    }
                    else
                    {
                        LogClosed(change.AlertId);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Print(OpenAlert open)
    {
        var alert = open.Alert;
        var top = alert.Matches.Count > 0 ? alert.Matches.MinBy(m => m.Priority) : null;
        var lists = string.Join(",", alert.Matches.Select(m => $"{m.SourceCountry}/{m.List}"));
        if (open.Sightings == 1)
        {
            LogAlarm(top?.Priority ?? 100, alert.AlertId, PlateMask.Mask(alert.Plate), alert.CameraId, alert.Timestamp, lists,
                top is null ? "-" : Core.Hotlists.HotlistVocabulary.ToWire(top.Action), top?.Reference ?? "-");
        }
        else
        {
            LogSighting(alert.AlertId, PlateMask.Mask(alert.Plate), open.Sightings, open.LastSighting.CameraId, open.LastSighting.Timestamp);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ALERT p{Priority} {AlertId} plate {MaskedPlate} camera {CameraId} at {Timestamp:O} lists {Lists} action {Action} ref {Reference}")]
    private partial void LogAlarm(int priority, string alertId, string maskedPlate, string cameraId, DateTimeOffset timestamp, string lists, string action, string reference);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIGHTING {AlertId} plate {MaskedPlate} seen {Sightings} times, last camera {CameraId} at {Timestamp:O}")]
    private partial void LogSighting(string alertId, string maskedPlate, int sightings, string cameraId, DateTimeOffset timestamp);

    [LoggerMessage(Level = LogLevel.Information, Message = "CLOSED {AlertId}")]
    private partial void LogClosed(string alertId);
}
