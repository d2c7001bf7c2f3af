using AnprExchange.ControlRoom.Web;

namespace AnprExchange.ControlRoom.Hosting;

/// <summary>
/// Builds a control room process: the web console on Kestrel (<see cref="CreateWeb"/>) or the terminal printer
/// (<see cref="CreateTerminal"/>). Configuration: appsettings.json next to the binary, ANPR_-prefixed environment
/// variables (ANPR_ControlRoom__Room, ANPR_Kafka__Settings__sasl.username, …), then the given settings
/// (the verb's options; null values leave configuration alone).
/// </summary>
public static class ControlRoomApp
{
    public static WebApplication CreateWeb(IEnumerable<KeyValuePair<string, string?>> settings, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        Configure(builder.Configuration, settings);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddProblemDetails();
        builder.Services.AddControlRoom(builder.Configuration);
        var app = builder.Build();
        app.MapControlRoom();
        return app;
    }

    public static IHost CreateTerminal(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        Configure(builder.Configuration, settings);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Services.AddControlRoom(builder.Configuration);
        builder.Services.AddControlRoomConsolePrinter();
        return builder.Build();
    }

    private static void Configure(IConfigurationManager configuration, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        configuration.AddEnvironmentVariables("ANPR_");
        configuration.AddInMemoryCollection(settings.Where(kv => kv.Value is not null));
    }
}
