namespace AnprExchange.EdgeAgent.Client;

public sealed class EdgeAgentClientOptions
{
    public required string Host { get; init; }
    public required int Port { get; init; }

    /// <summary>First wait before reconnecting; doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Reads sent and not yet answered; <see cref="EdgeAgentClient.SendAsync"/> waits when this many are pending.</summary>
    public int MaxUnacknowledged { get; init; } = 10_000;

    public static EdgeAgentClientOptions Parse(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostAndPort.AsSpan(colon + 1), out var port))
        {
            throw new FormatException($"'{hostAndPort}' is not host:port.");
        }
        return new EdgeAgentClientOptions { Host = hostAndPort[..colon], Port = port };
    }
}
