using System.Net;
using AnprExchange.EdgeAgent.Http;
using AnprExchange.EdgeAgent.Tcp;
using Microsoft.AspNetCore.Connections;

namespace AnprExchange.EdgeAgent.Hosting;

/// <summary>
/// Builds an edge agent process on Kestrel: the camera TCP port (connection handler over System.IO.Pipelines) and the
/// HTTP ingest port. Configuration: appsettings.json next to the binary, ANPR_-prefixed environment variables
/// (ANPR_EdgeAgent__Spool__MaxBytes, ANPR_Kafka__Settings__sasl.username, …), then the given settings.
/// </summary>
public static class EdgeAgentApp
{
    public static WebApplication Create(IEnumerable<KeyValuePair<string, string?>> settings, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("ANPR_");
        builder.Configuration.AddInMemoryCollection(settings.Where(kv => kv.Value is not null));
        logging?.Invoke(builder.Logging);

        var options = builder.Configuration.GetSection(EdgeAgentOptions.SectionName).Get<EdgeAgentOptions>() ?? new EdgeAgentOptions();
        var address = IPAddress.Parse(options.ListenAddress);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            if (options.TcpPort > 0)
            {
                kestrel.Listen(address, options.TcpPort, listen => listen.UseConnectionHandler<CameraConnectionHandler>());
            }
            if (options.HttpPort > 0)
            {
                kestrel.Listen(address, options.HttpPort);
            }
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddEdgeAgent(builder.Configuration);
        var app = builder.Build();
        app.MapEdgeAgent();
        return app;
    }
}
