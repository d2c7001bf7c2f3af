using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.EdgeAgent.Hosting;
using AnprExchange.EdgeAgent.Ingest;
using AnprExchange.EdgeAgent.Spool;
using AnprExchange.EdgeAgent.Telemetry;
using AnprExchange.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace AnprExchange.EdgeAgent.Forwarding;

/// <summary>
/// Sends spooled reads to anpr.reads.&lt;cc&gt; (Avro PlateRead, keyed by camera id) and releases them from the spool
/// only when Kafka has acknowledged them. Never awaits a single message: delivery handlers update a
/// <see cref="DeliveryWindow"/>. On any delivery failure (broker down past message.timeout.ms, fatal producer error)
/// nothing is dropped: once the in-flight reads have reported, it waits a back-off and resends from the oldest
/// unacknowledged read, skipping those delivered meanwhile. Also drains rejected input to anpr.rejected.&lt;cc&gt;.
/// Runs its loop on a dedicated thread.
/// </summary>
public sealed partial class ReadForwarder : BackgroundService
{
    private const int MaxBatch = 10_000;
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly ReadSpool _spool;
    private readonly RejectedReadQueue _rejected;
    private readonly KafkaOptions _kafka;
    private readonly EdgeAgentOptions _options;
    private readonly EdgeAgentMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<ReadForwarder> _logger;
    private readonly string _readsTopic;
    private readonly string _rejectedTopic;
    private readonly AvroSerde<PlateRead> _readSerde = AvroSerde.For(AnprCodecs.PlateRead);
    private readonly AvroSerde<RejectedInput> _rejectedSerde = AvroSerde.For(AnprCodecs.RejectedInput);
    private readonly ManualResetEventSlim _delivered = new(false);
    private readonly DeliveryWindow _window;
    private volatile bool _fatal;

    public ReadForwarder(ReadSpool spool, RejectedReadQueue rejected, IOptions<KafkaOptions> kafka, IOptions<EdgeAgentOptions> options,
        EdgeAgentMetrics metrics, TimeProvider time, ILogger<ReadForwarder> logger)
    {
        _spool = spool;
        _rejected = rejected;
        _kafka = kafka.Value;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _readsTopic = AnprTopics.Reads(_options.Country);
        _rejectedTopic = AnprTopics.Rejected(_options.Country);
        _window = new DeliveryWindow(spool.ReleasedWatermark, _options.MaxInFlight);
    }

    /// <summary>Every spooled read below this sequence is in Kafka.</summary>
    public long Watermark => _window.Watermark;

    /// <summary>True while the last produce attempt has not failed (for /health/ready).</summary>
    public bool IsHealthy => !_window.HasFailed && !_fatal;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var producer = CreateProducer();
        using var cursor = _spool.OpenCursor();
        var backoff = _options.RetryBackoff;
        var lastCheckpoint = _time.GetTimestamp();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (_fatal)
                {
                    producer.Dispose();
                    _window.AbandonInFlight();
                    producer = CreateProducer();
                    _fatal = false;
                }
                if (_window.HasFailed)
                {
                    if (_window.InFlightCount > 0)
                    {
                        _delivered.Wait(IdleWait, stoppingToken);
                        _delivered.Reset();
                        continue;
                    }
                    Log.Resending(_logger, _window.Watermark, backoff);
                    stoppingToken.WaitHandle.WaitOne(backoff);
                    backoff = backoff * 2 > MaxBackoff ? MaxBackoff : backoff * 2;
                    cursor.Seek(_window.Watermark);
                    _window.ClearFailure();
                }

                _spool.DataAvailable.Reset();
                var sent = SendBatch(producer, cursor, stoppingToken);
                sent += DrainRejected(producer);
                Release(ref lastCheckpoint);
                if (sent == 0)
                {
                    WaitHandle.WaitAny([_spool.DataAvailable.WaitHandle, _delivered.WaitHandle, stoppingToken.WaitHandle], IdleWait);
                    _delivered.Reset();
                }
                else if (!_window.HasFailed)
                {
                    backoff = _options.RetryBackoff;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            producer.Flush(TimeSpan.FromSeconds(5));
            producer.Dispose();
            Release(ref lastCheckpoint);
            _spool.SaveCheckpoint();
        }
    }

    private int SendBatch(IProducer<string, byte[]> producer, SpoolCursor cursor, CancellationToken stoppingToken)
    {
        var sent = 0;
        while (sent < MaxBatch && !_window.HasFailed && _window.HasRoomFor(cursor.NextSequence) && cursor.TryRead(out var sequence, out var payload))
        {
            if (_window.IsDelivered(sequence))
            {
                continue;
            }
            var read = SpooledRead.Decode(payload);
            var message = new Message<string, byte[]>
            {
                Key = read.CameraId,
                Value = _readSerde.Serialize(read, new SerializationContext(MessageComponentType.Value, _readsTopic)),
            };
            _window.MarkInFlight(sequence);
            var seq = sequence;
            Produce(producer, _readsTopic, message, report => OnDelivery(seq, report), stoppingToken);
            sent++;
        }
        return sent;
    }

    private int DrainRejected(IProducer<string, byte[]> producer)
    {
        var sent = 0;
        while (sent < 1000 && _rejected.Reader.TryRead(out var rejected))
        {
            var message = new Message<string, byte[]>
            {
                Key = rejected.Source,
                Value = _rejectedSerde.Serialize(rejected, new SerializationContext(MessageComponentType.Value, _rejectedTopic)),
            };
            try
            {
                producer.Produce(_rejectedTopic, message, report =>
                {
                    if (report.Error.IsError)
                    {
                        _metrics.RejectedDropped();
                    }
                });
            }
            catch (ProduceException<string, byte[]>)
            {
                _metrics.RejectedDropped();
            }
            sent++;
        }
        return sent;
    }

    private void Produce(IProducer<string, byte[]> producer, string topic, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>> handler, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, message, handler);
                return;
            }
            catch (ProduceException<string, byte[]> e) when (e.Error.Code == ErrorCode.Local_QueueFull)
            {
                // Back-pressure: librdkafka's queue is full. Delivery reports are served by the producer's own
                // poll thread, so wait for one of them instead of calling Poll.
                _delivered.Wait(IdleWait, stoppingToken);
                _delivered.Reset();
            }
        }
    }

    private void OnDelivery(long sequence, DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError)
        {
            _window.MarkFailed(sequence);
            _metrics.DeliveryFailed(1);
            Log.DeliveryFailed(_logger, sequence, report.Error.Reason);
        }
        else
        {
            _window.MarkDelivered(sequence);
            _metrics.Forwarded(1);
        }
        _delivered.Set();
    }

    private void Release(ref long lastCheckpoint)
    {
        _spool.Release(_window.Watermark);
        if (_time.GetElapsedTime(lastCheckpoint) >= _options.CheckpointInterval)
        {
            _spool.SaveCheckpoint();
            lastCheckpoint = _time.GetTimestamp();
        }
    }

    private IProducer<string, byte[]> CreateProducer()
    {
        var config = _kafka.CreateProducerConfig($"anpr-agent-{_options.Country.ToLowerInvariant()}");
        return new ProducerBuilder<string, byte[]>(config)
            .SetLogHandler((_, message) => Log.Librdkafka(_logger, message.Facility, message.Message))
            .SetErrorHandler((_, error) =>
            {
                if (error.IsFatal)
                {
                    _fatal = true;
                    Log.FatalProducerError(_logger, error.Reason);
                }
                else
                {
                    Log.ProducerError(_logger, error.Code, error.Reason);
                }
            })
            .Build();
    }

    public override void Dispose()
    {
        base.Dispose();
        _delivered.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Debug, "Delivery of spooled read {Sequence} failed ({Reason}); it stays spooled and is resent")]
        public static partial void DeliveryFailed(ILogger logger, long sequence, string reason);

        [LoggerMessage(11, LogLevel.Warning, "Kafka delivery failed; resending spooled reads from sequence {Sequence} after {Backoff}")]
        public static partial void Resending(ILogger logger, long sequence, TimeSpan backoff);

        [LoggerMessage(12, LogLevel.Error, "Fatal producer error ({Reason}); recreating the producer, spooled reads are resent")]
        public static partial void FatalProducerError(ILogger logger, string reason);

        [LoggerMessage(14, LogLevel.Debug, "librdkafka {Facility}: {Message}")]
        public static partial void Librdkafka(ILogger logger, string facility, string message);

        [LoggerMessage(13, LogLevel.Debug, "Producer error {Code}: {Reason}")]
        public static partial void ProducerError(ILogger logger, ErrorCode code, string reason);
    }
}
