using System.Collections.Concurrent;
using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Kafka;
using Confluent.Kafka;

namespace AnprExchange.Cli.Demo;

/// <summary>
/// Simulated cameras producing reads straight to the reads topic at a steady rate. About 2 % of reads carry a plate
/// planted from the hotlists (written as a camera would show it); the rest are random plates that are on no list.
/// </summary>
internal sealed class CameraSimulator(KafkaOptions kafka, string country, IReadOnlyList<PlantablePlate> plantable, ISet<string> listedPlates, TimeProvider time, int seed)
{
    public const int Cameras = 40;

    public ConcurrentDictionary<string, PlantablePlate> Planted { get; } = new(StringComparer.Ordinal);

    public long Produced => Interlocked.Read(ref _produced);

    public long DeliveryFailures => Interlocked.Read(ref _failures);

    private long _produced;
    private long _failures;

    public void Run(int ratePerSecond, TimeSpan duration, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var topic = AnprTopics.Reads(country);
        using var producer = new ProducerBuilder<string, byte[]>(kafka.CreateProducerConfig("anpr-demo-cameras")).Build();
        Action<DeliveryReport<string, byte[]>> onDelivered = r =>
        {
            if (r.Error.IsError)
            {
                Interlocked.Increment(ref _failures);
            }
        };
        var start = time.GetTimestamp();
        long sent = 0;
        string[] countries = ["BE", "BE", "BE", "NL", "LU", "DE", "FR"];
        while (!cancellationToken.IsCancellationRequested)
        {
            var elapsed = time.GetElapsedTime(start);
            if (elapsed >= duration)
            {
                break;
            }
            // Catch up to the target rate, then sleep a little: steady pacing without a timer per read.
            var due = (long)(elapsed.TotalSeconds * ratePerSecond);
            for (; sent < due; sent++)
            {
                var cameraId = $"{country.ToLowerInvariant()}-cam-{random.Next(Cameras):D3}";
                var readId = $"{cameraId}:{sent}";
                string plate;
                var plant = random.Next(50) == 0 ? plantable[random.Next(plantable.Count)] : null;
                if (plant is not null)
                {
                    plate = plant.AsShown;
                    Planted[readId] = plant;
                }
                else
                {
                    do
                    {
                        plate = SamplePlates.Next(random, countries[random.Next(countries.Length)]);
                    }
                    while (listedPlates.Contains(plate.Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal)));
                }
                var now = time.GetUtcNow();
                var read = new PlateRead
                {
                    ReadId = readId,
                    CameraId = cameraId,
                    Timestamp = now,
                    Plate = plate,
                    Country = plant?.PlateCountry,
                    Confidence = 0.8 + random.NextDouble() * 0.2,
                    Lat = 50.5 + random.NextDouble(),
                    Lon = 4.0 + random.NextDouble(),
                    Direction = random.Next(2) == 0 ? "in" : "out",
                    IngestedAt = now,
                };
                Produce(producer, topic, new Message<string, byte[]> { Key = cameraId, Value = AnprCodecs.PlateRead.Encode(read) }, onDelivered);
                Interlocked.Increment(ref _produced);
            }
            producer.Poll(TimeSpan.FromMilliseconds(5));
        }
        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private static void Produce(IProducer<string, byte[]> producer, string topic, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>> onDelivered)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, onDelivered);
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(50));
            }
        }
    }
}

/// <summary>A hotlist plate the simulator may plant, and how a camera shows it.</summary>
internal sealed record PlantablePlate(string EntryId, string Normalized, string AsShown, string PlateCountry);
