using System.Text;
using System.Text.Json;
using AnprExchange.ControlRoom.Alerts;
using Microsoft.AspNetCore.Http.Features;

namespace AnprExchange.ControlRoom.Web;

/// <summary>
/// GET /api/alerts/stream, Server-Sent Events: "snapshot" (all open alerts, newest first) on connect, then "upsert"
/// and "removed" as the open list changes, and a comment every 15 s to keep proxies and dead-peer detection honest.
/// After a server restart the browser's EventSource reconnects (retry: 2 s) and the fresh snapshot reloads the page.
/// </summary>
internal static class AlertStreamEndpoint
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);
    private static readonly byte[] Preamble = "retry: 2000\n\n"u8.ToArray();
    private static readonly byte[] KeepAliveComment = ": keep-alive\n\n"u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    public static async Task Stream(HttpContext http, OpenAlertStore store, IHostApplicationLifetime lifetime)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var ct = stopping.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        using var subscription = store.Subscribe();
        var body = http.Response.Body;
        try
        {
            await body.WriteAsync(Preamble, ct);
            var snapshot = subscription.Snapshot.Select(AlertView.From).ToArray();
            await WriteEventAsync(body, "snapshot", JsonSerializer.SerializeToUtf8Bytes(snapshot, ControlRoomJsonContext.Default.AlertViewArray), ct);

            while (await WaitForChangesAsync(subscription, body, ct))
            {
                while (subscription.Changes.TryRead(out var change))
                {
                    await WriteChangeAsync(body, change, ct);
                }
            }
            // The store cut this subscriber off (it fell behind): the browser reconnects and gets a fresh snapshot.
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Waits for the next change, writing a keep-alive comment every 15 s meanwhile; false when the feed ended.</summary>
    private static async Task<bool> WaitForChangesAsync(OpenAlertSubscription subscription, Stream body, CancellationToken ct)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
            quiet.CancelAfter(KeepAlive);
            try
            {
                return await subscription.Changes.WaitToReadAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                await body.WriteAsync(KeepAliveComment, ct);
                await body.FlushAsync(ct);
            }
        }
    }

    private static Task WriteChangeAsync(Stream body, OpenAlertChange change, CancellationToken ct) => change.Kind switch
    {
        OpenAlertChangeKind.Upserted => WriteEventAsync(body, "upsert",
            JsonSerializer.SerializeToUtf8Bytes(AlertView.From(change.Alert!), ControlRoomJsonContext.Default.AlertView), ct),
        _ => WriteEventAsync(body, "removed",
            JsonSerializer.SerializeToUtf8Bytes(new RemovedView(change.AlertId), ControlRoomJsonContext.Default.RemovedView), ct),
    };

    private static async Task WriteEventAsync(Stream body, string name, byte[] json, CancellationToken ct)
    {
        await body.WriteAsync(Encoding.UTF8.GetBytes($"event: {name}\ndata: "), ct);
        await body.WriteAsync(json, ct);
        await body.WriteAsync(EventEnd, ct);
        await body.FlushAsync(ct);
    }
}
