using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using AnprExchange.EdgeAgent.Hosting;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr agent`: the camera edge agent (TCP and HTTP ingest, durable spool, Kafka forwarder).</summary>
public static class AgentVerb
{
    public static Command Create()
    {
        var bootstrap = new Option<string?>("--bootstrap-servers") { Description = "Kafka bootstrap servers; without it an embedded cluster is started (for trying the agent out)." };
        var country = new Option<string>("--country") { Description = "Country whose reads topic to feed (ISO alpha-2).", DefaultValueFactory = _ => "BE" };
        var tcpPort = new Option<int>("--tcp-port") { Description = "Camera TCP port: newline-delimited JSON reads, one 'ok <readId>' or 'err <reason>' line back per read (0 = off).", DefaultValueFactory = _ => 7300 };
        var httpPort = new Option<int>("--http-port") { Description = "HTTP ingest port: /v1/reads, /v1/ingest/{openalpr,axis,hikvision}, /health/* (0 = off).", DefaultValueFactory = _ => 7380 };
        var listen = new Option<string>("--listen") { Description = "Address both ports listen on (0.0.0.0 for every interface).", DefaultValueFactory = _ => "127.0.0.1" };
        var spool = new Option<DirectoryInfo>("--spool") { Description = "Spool directory: accepted reads stay here until Kafka has them.", Required = true };
        var maxSpool = new Option<long?>("--max-spool-bytes") { Description = "Disk bound of the spool; when full, new reads are refused with 'err spool_full' (default 1 GiB)." };
        var fsync = new Option<string?>("--fsync") { Description = "When reads are forced to disk before they are acknowledged: per-batch (default), per-record, none." };
        fsync.AcceptOnlyFromAmong("per-batch", "per-record", "none");
        var skew = new Option<TimeSpan?>("--max-future-skew")
        {
            Description = "Reads stamped further in the future than this are rejected (default 5m).",
            CustomParser = r => DurationParser.Parse(r.Tokens[0].Value, r),
        };
        var command = new Command("agent", "Run the camera edge agent until Ctrl-C or SIGTERM.")
        {
            bootstrap, country, tcpPort, httpPort, listen, spool, maxSpool, fsync, skew,
        };
        command.SetAction(async (result, ct) =>
        {
            var servers = result.GetValue(bootstrap);
            using var embedded = EmbeddedFallback.StartIfNone(ref servers, result.GetValue(country)!);
            var settings = new Dictionary<string, string?>
            {
                ["Kafka:BootstrapServers"] = servers,
                ["EdgeAgent:Country"] = result.GetValue(country),
                ["EdgeAgent:TcpPort"] = result.GetValue(tcpPort).ToString(CultureInfo.InvariantCulture),
                ["EdgeAgent:HttpPort"] = result.GetValue(httpPort).ToString(CultureInfo.InvariantCulture),
                ["EdgeAgent:ListenAddress"] = result.GetValue(listen),
                ["EdgeAgent:Spool:Directory"] = result.GetValue(spool)!.FullName,
                ["EdgeAgent:Spool:MaxBytes"] = result.GetValue(maxSpool)?.ToString(CultureInfo.InvariantCulture),
                ["EdgeAgent:Spool:FlushPolicy"] = result.GetValue(fsync) switch
                {
                    "per-record" => "PerRecord",
                    "none" => "None",
                    "per-batch" => "PerBatch",
                    _ => null,
                },
                ["EdgeAgent:Ingest:MaxFutureSkew"] = result.GetValue(skew)?.ToString("c", CultureInfo.InvariantCulture),
            };
            await using var app = EdgeAgentApp.Create(settings);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
            await app.StartAsync(stop.Token);
            Console.Error.WriteLine($"edge agent for {result.GetValue(country)}: tcp {result.GetValue(listen)}:{result.GetValue(tcpPort)}, http {result.GetValue(listen)}:{result.GetValue(httpPort)}, spool {result.GetValue(spool)!.FullName}");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            await app.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }
}
