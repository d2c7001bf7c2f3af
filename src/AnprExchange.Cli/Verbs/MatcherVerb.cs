using System.CommandLine;
using AnprExchange.Matcher;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr matcher`: replicate every hotlist, match the country's reads, publish alerts.</summary>
public static class MatcherVerb
{
    public static Command Create()
    {
        var bootstrap = new Option<string>("--bootstrap-servers") { Description = "Kafka bootstrap servers (host:port,...).", Required = true };
        var country = new Option<string>("--country") { Description = "Country whose reads are matched (ISO alpha-2).", DefaultValueFactory = _ => "BE" };
        var hotlists = new Option<string>("--hotlist-countries") { Description = "Countries whose hotlists are replicated.", DefaultValueFactory = _ => "BE,NL,LU" };
        var group = new Option<string?>("--group-id") { Description = "Consumer group shared by this country's matchers (default anpr-matcher)." };
        var room = new Option<string?>("--default-control-room") { Description = "Control room for alerts when no routing is configured." };
        var trusted = new Option<string>("--trusted-keys") { Description = "Folder of trusted hotlist signing keys: <CC>/<keyid>.public.pem per partner.", Required = true };
        var snapshots = new Option<string?>("--snapshot-dir") { Description = "Folder for index snapshots, for a fast restart." };
        var command = new Command("matcher", "Run the matcher service until Ctrl-C or SIGTERM.") { bootstrap, country, hotlists, group, room, trusted, snapshots };
        command.SetAction(async (result, ct) =>
        {
            var settings = new Dictionary<string, string?>
            {
                ["Kafka:BootstrapServers"] = result.GetValue(bootstrap),
                ["Matcher:Country"] = result.GetValue(country),
                ["Matcher:GroupId"] = result.GetValue(group),
                ["Matcher:DefaultControlRoom"] = result.GetValue(room),
                ["Matcher:TrustedKeysDirectory"] = result.GetValue(trusted),
                ["Matcher:SnapshotDirectory"] = result.GetValue(snapshots),
            };
            var countries = result.GetValue(hotlists)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = 0; i < countries.Length; i++)
            {
                settings[$"Matcher:HotlistCountries:{i}"] = countries[i];
            }
            var builder = ServiceHostBuilder.Create(settings);
            builder.Services.AddAnprMatcher(builder.Configuration);
            using var host = builder.Build();
            await host.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
