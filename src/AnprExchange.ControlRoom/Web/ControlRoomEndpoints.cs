using System.Text.Json;
using AnprExchange.ControlRoom.Acknowledgements;
using AnprExchange.ControlRoom.Alerts;
using AnprExchange.ControlRoom.Kafka;
using Microsoft.Extensions.Options;

namespace AnprExchange.ControlRoom.Web;

/// <summary>The console's HTTP surface (design.md "HTTP endpoints"); errors are application/problem+json with the reason.</summary>
public static class ControlRoomEndpoints
{
    public static IEndpointRouteBuilder MapControlRoom(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", () => Results.Bytes(ConsolePage.Bytes, "text/html; charset=utf-8"));
        endpoints.MapGet("/api/room", (IOptions<ControlRoomOptions> options) =>
            Results.Json(new RoomView(options.Value.Room, options.Value.Country.ToUpperInvariant()), ControlRoomJsonContext.Default.RoomView));
        endpoints.MapGet("/api/alerts", (OpenAlertStore store) =>
            Results.Json(store.Snapshot().Select(AlertView.From).ToArray(), ControlRoomJsonContext.Default.AlertViewArray));
        endpoints.MapGet("/api/alerts/stream", AlertStreamEndpoint.Stream);
        endpoints.MapPost("/api/alerts/{alertId}/ack", AcknowledgeAsync);
        endpoints.MapPost("/api/alerts/{alertId}/opened", OpenedAsync);
        endpoints.MapGet("/health/live", () => Results.Text("ok"));
        endpoints.MapGet("/health/ready", (ControlRoomStatus status) => status.Assigned
            ? Results.Text("ok")
            : Problem(StatusCodes.Status503ServiceUnavailable, "Not ready", "The alert consumer has no partitions yet."));
        return endpoints;
    }

    private static async Task<IResult> AcknowledgeAsync(string alertId, HttpRequest request, AcknowledgementService acknowledgements)
    {
        AcknowledgeRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(request.Body, ControlRoomJsonContext.Default.AcknowledgeRequest, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed acknowledgement", $"The body is not valid JSON: {ex.Message}");
        }
        var result = await acknowledgements.AcknowledgeAsync(alertId, body, request.HttpContext.RequestAborted);
        return result.Status switch
        {
            AcknowledgeStatus.Acknowledged => Results.Json(ToView(result.Acknowledgement!), ControlRoomJsonContext.Default.AcknowledgedView),
            AcknowledgeStatus.NotOpen => Problem(StatusCodes.Status404NotFound, "Alert not open", result.Error!),
            _ => Problem(StatusCodes.Status400BadRequest, "Invalid acknowledgement", result.Error!),
        };
    }

    private static async Task<IResult> OpenedAsync(string alertId, HttpRequest request, AcknowledgementService acknowledgements)
    {
        OpenedRequest? body = null;
        try
        {
            if (request.ContentLength is not 0)
            {
                body = await JsonSerializer.DeserializeAsync(request.Body, ControlRoomJsonContext.Default.OpenedRequest, request.HttpContext.RequestAborted);
            }
        }
        catch (JsonException ex)
        {
            return Problem(StatusCodes.Status400BadRequest, "Malformed request", $"The body is not valid JSON: {ex.Message}");
        }
        return acknowledgements.Opened(alertId, body?.Operator)
            ? Results.NoContent()
            : Problem(StatusCodes.Status404NotFound, "Alert not open", $"Alert '{alertId}' is not open in this control room.");
    }

    private static AcknowledgedView ToView(Contracts.Records.AlertAcknowledgement ack) =>
        new(ack.AlertId, ack.ControlRoom, ack.Operator, ack.Outcome.ToWire(), ack.AcknowledgedAt);

    private static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);
}
