using AnprExchange.EdgeAgent.Forwarding;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Telemetry;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace AnprExchange.EdgeAgent.Tcp;

/// <summary>
/// One camera TCP connection on Kestrel's transport (System.IO.Pipelines over sockets): lines in, one reply line per
/// read out, in order (<see cref="CameraSession"/>). Replies of a batch are sent only after the spool commit (fsync per
/// policy) that made their reads durable, so an <c>ok</c> means the read survives a crash.
/// </summary>
public sealed partial class CameraConnectionHandler(
    ReadSpool spool, IOptions<IngestOptions> ingest, TimeProvider time, ReadIdGenerator ids, RejectedReadQueue rejected,
    EdgeAgentMetrics metrics, ILogger<CameraConnectionHandler> logger) : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var processor = new ReadLineProcessor(spool, ingest.Value, time, ids, rejected, metrics);
        var session = new CameraSession(processor, spool, ingest.Value.MaxLineBytes);
        Log.Connected(logger, connection.ConnectionId, connection.RemoteEndPoint?.ToString());
        try
        {
            await session.RunAsync(connection.Transport.Input, connection.Transport.Output, connection.ConnectionClosed);
        }
        catch (Exception e) when (e is ConnectionResetException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The camera went away, a commit failed, or the agent is stopping: whatever got no reply, the camera resends.
        }
        Log.Disconnected(logger, connection.ConnectionId);
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Debug, "Camera connection {ConnectionId} from {Remote}")]
        public static partial void Connected(ILogger logger, string connectionId, string? remote);

        [LoggerMessage(21, LogLevel.Debug, "Camera connection {ConnectionId} closed")]
        public static partial void Disconnected(ILogger logger, string connectionId);
    }
}
