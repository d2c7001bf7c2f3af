using System.Collections.Concurrent;
using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Cli.Demo;

/// <summary>A control room that prints the alerts it receives and keeps what the summary needs.</summary>
internal sealed class DemoControlRoom(KafkaOptions kafka, string country, TimeProvider time, TextWriter output, int printFirst)
{
    public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, Alert> Alerts { get; } = new(StringComparer.Ordinal);

    public ConcurrentBag<double> LatenciesMs { get; } = [];

    private int _printed;

    public void Run(CancellationToken cancellationToken)
    {
        var config = kafka.CreateConsumerConfig($"anpr-demo-controlroom-{Guid.NewGuid():N}", "anpr-demo-controlroom");
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config).Build();
        consumer.Subscribe(AnprTopics.Alerts(country));
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = consumer.Consume(cancellationToken);
                var alert = AnprCodecs.Alert.Decode(result.Message.Value);
                var count = Deliveries.AddOrUpdate(alert.AlertId, 1, (_, n) => n + 1);
                if (count > 1)
                {
                    continue;
                }
                Alerts[alert.AlertId] = alert;
                if (alert.IngestedAt is { } ingested)
                {
                    LatenciesMs.Add((time.GetUtcNow() - ingested).TotalMilliseconds);
                }
                if (Interlocked.Increment(ref _printed) <= printFirst)
                {
                    var top = alert.Matches[0];
                    output.WriteLine($"  ALERT {Mask(alert.Plate),-10} camera {alert.CameraId}  {top.SourceCountry}/{top.List} {top.Category.ToWire()} -> {top.Action.ToWire()} (priority {top.Priority}, {top.MatchKind.ToWire()}, {alert.Matches.Count} match(es))");
                }
                consumer.StoreOffset(result);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }

    /// <summary>Plates are personal data: the demo's terminal shows only their first two characters.</summary>
    internal static string Mask(string plate) => plate.Length <= 2 ? "***" : plate[..2] + new string('*', plate.Length - 2);
}
