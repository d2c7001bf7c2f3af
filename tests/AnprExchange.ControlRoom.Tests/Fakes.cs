using System.Collections.Concurrent;
using AnprExchange.Contracts.Audit;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Acknowledgements;
using AnprExchange.ControlRoom.Alerts;
using AnprExchange.ControlRoom.Audit;
using Microsoft.Extensions.Time.Testing;

namespace AnprExchange.ControlRoom.Tests;

internal sealed class RecordingAuditSink : IAuditSink
{
    public ConcurrentQueue<AuditRecord> Records { get; } = new();

    public void Write(AuditRecord record) => Records.Enqueue(record);
}

internal sealed class RecordingPublisher : IAcknowledgementPublisher
{
    public ConcurrentQueue<AlertAcknowledgement> Published { get; } = new();

    public Exception? FailWith { get; set; }

    public Task PublishAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken)
    {
        if (FailWith is not null)
        {
            return Task.FromException(FailWith);
        }
        Published.Enqueue(acknowledgement);
        return Task.CompletedTask;
    }
}

/// <summary>The control room's pure parts wired together, as AddControlRoom does, without Kafka or HTTP.</summary>
internal sealed class ControlRoomRig
{
    public const string Room = "cr-antwerp";

    public ControlRoomRig(TimeSpan? window = null, bool acceptUnrouted = false, int capacity = 5000)
    {
        Store = new OpenAlertStore(capacity);
        var audit = new AuditTrail(Audit, new PlatePseudonymizer(new byte[32]), Time, "BE", Room);
        Intake = new AlertIntake(Room, acceptUnrouted, new AlertDeduplicator(Time, TimeSpan.FromHours(24), 1000),
            new SightingThrottle(Time, window ?? TimeSpan.FromMinutes(10)), Store, audit, Time);
        Acknowledgements = new AcknowledgementService(Room, Store, Intake, Publisher, audit, Time);
    }

    public FakeTimeProvider Time { get; } = new(TestAlerts.Start);

    public RecordingAuditSink Audit { get; } = new();

    public RecordingPublisher Publisher { get; } = new();

    public OpenAlertStore Store { get; }

    public AlertIntake Intake { get; }

    public AcknowledgementService Acknowledgements { get; }

    public IReadOnlyList<string> AuditActions() => Audit.Records.Select(r => r.Action).ToArray();
}
