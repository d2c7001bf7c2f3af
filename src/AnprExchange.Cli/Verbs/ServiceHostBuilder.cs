
namespace AnprExchange.Cli.Verbs;

/// <summary>
/// Builds a service host the same way for every verb: appsettings.json, ANPR_-prefixed environment variables, then the
/// verb's options (which win). Unset options leave configuration alone.
/// </summary>
public static class ServiceHostBuilder
{
    public static HostApplicationBuilder Create(IEnumerable<KeyValuePair<string, string?>> fromOptions)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddEnvironmentVariables("ANPR_");
        builder.Configuration.AddInMemoryCollection(fromOptions.Where(kv => kv.Value is not null));
        return builder;
    }
}
