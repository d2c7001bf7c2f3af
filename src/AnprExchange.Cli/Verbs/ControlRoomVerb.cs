using System.CommandLine;
using System.Globalization;
using AnprExchange.ControlRoom.Hosting;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr controlroom`: one control room's live alerts, in the web console (default) or the terminal (--console).</summary>
public static class ControlRoomVerb
{
    public static Command Create()
    {
        var room = new Option<string>("--room") { Description = "This control room's id; only alerts routed to it are shown.", Required = true };
        var country = new Option<string>("--country") { Description = "Country whose alert topics to use (ISO alpha-2).", DefaultValueFactory = _ => "BE" };
        var port = new Option<int>("--http-port") { Description = "Port of the web console.", DefaultValueFactory = _ => 8080 };
        var host = new Option<string>("--http-host") { Description = "Address the web console listens on (0.0.0.0 for every interface).", DefaultValueFactory = _ => "127.0.0.1" };
        var bootstrap = new Option<string?>("--bootstrap-servers") { Description = "Kafka bootstrap servers; without it an embedded cluster is started (nothing else will publish to it)." };
        var console = new Option<bool>("--console") { Description = "Print alerts in the terminal (plates masked) instead of serving the web console." };
        var unrouted = new Option<bool>("--accept-unrouted") { Description = "Also show alerts with no control room set." };
        var group = new Option<string?>("--group-id") { Description = "Consumer group (default anpr-controlroom-<room>); give each console of one room its own." };
        var window = new Option<TimeSpan?>("--throttle-window")
        {
            Description = "Same plate and entry within this window updates the open alert (default 10m).",
            CustomParser = r => DurationParser.Parse(r.Tokens[0].Value, r),
        };
        var command = new Command("controlroom", "Run a control room: live hit alerts, acknowledgements and the audit trail, until Ctrl-C or SIGTERM.")
        {
            room, country, port, host, bootstrap, console, unrouted, group, window,
        };
        command.SetAction(async (result, ct) =>
        {
            var servers = result.GetValue(bootstrap);
            using var embedded = EmbeddedFallback.StartIfNone(ref servers, result.GetValue(country)!);
            var settings = new Dictionary<string, string?>
            {
                ["Kafka:BootstrapServers"] = servers,
                ["ControlRoom:Room"] = result.GetValue(room),
                ["ControlRoom:Country"] = result.GetValue(country),
                ["ControlRoom:ConsumerGroup"] = result.GetValue(group),
                ["ControlRoom:AcceptUnrouted"] = result.GetValue(unrouted) ? "true" : null,
                ["ControlRoom:ThrottleWindow"] = result.GetValue(window)?.ToString("c", CultureInfo.InvariantCulture),
            };
            if (result.GetValue(console))
            {
                using var terminal = ControlRoomApp.CreateTerminal(settings);
                await terminal.RunAsync(ct);
                return 0;
            }
            await using var web = ControlRoomApp.CreateWeb(settings, $"http://{result.GetValue(host)}:{result.GetValue(port)}");
            await web.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
