using System.CommandLine;
using System.Runtime.InteropServices;
using AnprExchange.Kafka;

namespace AnprExchange.Cli.Verbs;

/// <summary>`anpr cluster`: the embedded Kafka-protocol cluster as a standalone process that others can share.</summary>
public static class ClusterVerb
{
    public static Command Create()
    {
        var brokers = new Option<int>("--brokers") { Description = "Number of brokers.", DefaultValueFactory = _ => 3 };
        var countries = new Option<string>("--countries") { Description = "Countries whose topics to create (comma-separated).", DefaultValueFactory = _ => "BE,NL,LU" };
        var bootstrapFile = new Option<FileInfo?>("--bootstrap-file") { Description = "Also write the bootstrap servers to this file." };
        var command = new Command("cluster", "Run the embedded Kafka-protocol cluster (librdkafka mock) until Ctrl-C or SIGTERM; prints the bootstrap servers.")
        {
            brokers, countries, bootstrapFile,
        };
        command.SetAction(async (result, ct) =>
        {
            using var cluster = EmbeddedKafkaCluster.Start(result.GetValue(brokers));
            var layout = new EmbeddedClusterLayout(result.GetValue(countries)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            layout.CreateTopics(cluster);
            var file = result.GetValue(bootstrapFile);
            if (file is not null)
            {
                await File.WriteAllTextAsync(file.FullName, cluster.BootstrapServers + "\n", ct);
            }
            Console.WriteLine(cluster.BootstrapServers);
            Console.Error.WriteLine($"embedded cluster up: {cluster.BrokerCount} brokers, topics for {string.Join(',', layout.Countries)}; Ctrl-C or SIGTERM stops it");

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.Cancel(); });
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            if (file is not null)
            {
                File.Delete(file.FullName);
            }
            Console.Error.WriteLine("embedded cluster stopped");
            return 0;
        });
        return command;
    }
}
