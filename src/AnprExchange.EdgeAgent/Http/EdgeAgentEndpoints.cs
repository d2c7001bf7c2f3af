using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.InteropServices;
using System.Text.Json;
using AnprExchange.EdgeAgent.Forwarding;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Vendors;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AnprExchange.EdgeAgent.Http;

/// <summary>
/// HTTP ingest (design.md "HTTP endpoints"): 202 with the read ids once durably spooled; 400 problem+json with the
/// reason when a payload cannot be mapped or a read is invalid; 503 when the spool is full; health probes.
/// </summary>
public static class EdgeAgentEndpoints
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapEdgeAgent(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/reads", async (HttpRequest request, HttpReadIngest ingest, CancellationToken ct) =>
            await BodyAsync(request, ct) is { } body ? await RespondAsync(ingest, "agent/http", SplitReads(body), body) : TooLarge());
        app.MapPost("/v1/ingest/openalpr", async (HttpRequest request, HttpReadIngest ingest, CancellationToken ct) =>
            await BodyAsync(request, ct) is { } body ? await RespondAsync(ingest, OpenAlprMapping.Source, OpenAlprMapping.Map(body), body) : TooLarge());
        app.MapPost("/v1/ingest/axis", async (HttpRequest request, HttpReadIngest ingest, CancellationToken ct) =>
            await BodyAsync(request, ct) is { } body ? await RespondAsync(ingest, AxisMapping.Source, AxisMapping.Map(body), body) : TooLarge());
        app.MapPost("/v1/ingest/hikvision", async (HttpRequest request, HttpReadIngest ingest, CancellationToken ct) =>
            await HikvisionXmlAsync(request, ct) is { } xml
                ? await RespondAsync(ingest, HikvisionMapping.Source, HikvisionMapping.Map(new MemoryStream(xml)), xml)
                : Problem(ReadRejection.UnsupportedPayload, "no XML part (or larger than 1 MB) in the request", StatusCodes.Status400BadRequest));
        app.MapGet("/health/live", () => Results.Json(new HealthStatus("live")));
        app.MapGet("/health/ready", (ReadForwarder forwarder, ReadSpool spool, IOptions<SpoolOptions> options) =>
        {
            var spoolFull = spool.BoundedBytes + SpoolRecordFormat.MaxPayloadLength > options.Value.MaxBytes;
            return forwarder.IsHealthy && !spoolFull
                ? Results.Json(new HealthStatus("ready", spool.PendingCount))
                : Results.Json(new HealthStatus(spoolFull ? "spool_full" : "kafka_unreachable", spool.PendingCount), statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }

    private sealed record HealthStatus(string Status, long SpooledReads = 0);

    private sealed record Accepted(IReadOnlyList<string> ReadIds, string? Ignored = null);

    private static async Task<IResult> RespondAsync(HttpReadIngest ingest, string source, VendorMapping mapping, byte[] raw)
    {
        if (mapping.Rejection != ReadRejection.None)
        {
            ingest.Reject(source, mapping.Rejection, raw);
            return Problem(mapping.Rejection, mapping.Detail, StatusCodes.Status400BadRequest);
        }
        if (mapping.Ignored is not null)
        {
            return Results.Json(new Accepted([], mapping.Ignored), statusCode: StatusCodes.Status202Accepted);
        }
        var outcome = await ingest.AcceptAsync(mapping.Reads, source);
        return outcome.Rejection switch
        {
            ReadRejection.None => Results.Json(new Accepted(outcome.ReadIds), statusCode: StatusCodes.Status202Accepted),
            ReadRejection.SpoolFull => Problem(outcome.Rejection, $"{outcome.ReadIds.Count} of {mapping.Reads.Count} reads were accepted", StatusCodes.Status503ServiceUnavailable, outcome),
            _ => Problem(outcome.Rejection, mapping.Reads.Count > 1 ? $"read {outcome.RejectedIndex}: {outcome.Rejection.Describe()}" : null, StatusCodes.Status400BadRequest, outcome),
        };
    }

    private static IResult Problem(ReadRejection rejection, string? detail, int status, IngestOutcome? outcome = null)
    {
        var extensions = new Dictionary<string, object?> { ["reason"] = rejection.ToWire() };
        if (outcome is not null)
        {
            extensions["index"] = outcome.RejectedIndex;
            extensions["acceptedReadIds"] = outcome.ReadIds;
        }
        return Results.Problem(detail: detail ?? rejection.Describe(), statusCode: status, title: rejection.Describe(), extensions: extensions);
    }

    private static IResult TooLarge() =>
        Results.Problem(detail: $"the body is larger than {MaxBodyBytes} bytes", statusCode: StatusCodes.Status413PayloadTooLarge, title: "payload too large");

    /// <summary>Our JSON: one read object, or an array of them, each handed on as its raw UTF-8.</summary>
    private static VendorMapping SplitReads(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => VendorMapping.Of(body),
                JsonValueKind.Array when root.GetArrayLength() > 0 => new VendorMapping(root.EnumerateArray().Select(e => JsonMarshal.GetRawUtf8Value(e).ToArray()).ToList()),
                JsonValueKind.Array => VendorMapping.Fail(ReadRejection.NotAnObject, "the array is empty"),
                _ => VendorMapping.Fail(ReadRejection.NotAnObject, "expected a read object or an array of them"),
            };
        }
        catch (JsonException e)
        {
            return VendorMapping.Fail(ReadRejection.MalformedJson, e.Message);
        }
    }

    /// <summary>The whole body, or null when over <see cref="MaxBodyBytes"/>.</summary>
    private static async Task<byte[]?> BodyAsync(HttpRequest request, CancellationToken ct) => await ReadAllAsync(request.BodyReader, ct);

    private static async Task<byte[]?> ReadAllAsync(PipeReader reader, CancellationToken ct)
    {
        while (true)
        {
            var result = await reader.ReadAsync(ct);
            if (result.Buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                return null;
            }
            if (result.IsCompleted)
            {
                var bytes = result.Buffer.ToArray();
                reader.AdvanceTo(result.Buffer.End);
                return bytes;
            }
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <summary>The XML alone, or the XML part of multipart/form-data (next to the JPEG parts).</summary>
    private static async Task<byte[]?> HikvisionXmlAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType) || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return await BodyAsync(request, ct);
        }
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return null;
        }
        var multipart = new MultipartReader(boundary, request.Body) { BodyLengthLimit = MaxBodyBytes };
        while (await multipart.ReadNextSectionAsync(ct) is { } section)
        {
            var isXml = section.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true
                || section.ContentDisposition?.Contains(".xml", StringComparison.OrdinalIgnoreCase) == true;
            var isImage = section.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;
            if (isImage)
            {
                continue;
            }
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (isXml || bytes.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("<"u8))
            {
                return bytes;
            }
        }
        return null;
    }
}
