using AnprExchange.ControlRoom.Web;

namespace AnprExchange.ControlRoom.Hosting;

/// <summary>
/// Builds a control room process: the web console on Kestrel (<see cref="CreateWeb"/>) or the terminal printer
/// (<see cref="CreateTerminal"/>). Settings use configuration keys ("ControlRoom:Room", "Kafka:BootstrapServers", …)
/// layered over appsettings.json, environment variables and the command line.
/// </summary>
public static class ControlRoomApp
{
    public static WebApplication CreateWeb(string[] args, IEnumerable<KeyValuePair<string, string?>> settings, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddProblemDetails();
        builder.Services.AddControlRoom(builder.Configuration);
        var app = builder.Build();
        app.MapControlRoom();
        return app;
    }

    public static IHost CreateTerminal(string[] args, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddControlRoom(builder.Configuration);
        builder.Services.AddControlRoomConsolePrinter();
        return builder.Build();
    }
}
