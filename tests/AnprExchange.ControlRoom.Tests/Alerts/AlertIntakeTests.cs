using AnprExchange.Contracts.Audit;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Alerts;

namespace AnprExchange.ControlRoom.Tests.Alerts;

public sealed class AlertIntakeTests
{
    [Fact]
    public void ARedeliveredAlertIsShownOnce()
    {
        var rig = new ControlRoomRig();

        Assert.Equal(IntakeResult.Raised, rig.Intake.Accept(TestAlerts.Alert("a-1")));
        Assert.Equal(IntakeResult.Duplicate, rig.Intake.Accept(TestAlerts.Alert("a-1")));

        Assert.Single(rig.Store.Snapshot());
        Assert.Equal([AuditActions.AlertDelivered], rig.AuditActions());
    }

    [Fact]
    public void ARepeatSightingUpdatesTheOpenAlertAndIsAudited()
    {
        var rig = new ControlRoomRig();
        rig.Intake.Accept(TestAlerts.Alert("a-1"));
        rig.Time.Advance(TimeSpan.FromMinutes(3));

        var result = rig.Intake.Accept(TestAlerts.Alert("a-2", camera: "cam-99", at: TestAlerts.Start.AddMinutes(3)));

        Assert.Equal(IntakeResult.Sighting, result);
        var open = Assert.Single(rig.Store.Snapshot());
        Assert.Equal(("a-1", 2, "cam-99"), (open.AlertId, open.Sightings, open.LastSighting.CameraId));
        Assert.Equal([AuditActions.AlertDelivered, AuditActions.AlertSighting], rig.AuditActions());
    }

    [Fact]
    public void ASightingAfterTheWindowRaisesANewAlarm()
    {
        var rig = new ControlRoomRig(window: TimeSpan.FromMinutes(10));
        rig.Intake.Accept(TestAlerts.Alert("a-1"));
        rig.Time.Advance(TimeSpan.FromMinutes(12));

        Assert.Equal(IntakeResult.Raised, rig.Intake.Accept(TestAlerts.Alert("a-2", at: TestAlerts.Start.AddMinutes(12))));
        Assert.Equal(2, rig.Store.Count);
    }

    [Fact]
    public void AlertsForOtherRoomsAreIgnored()
    {
        var rig = new ControlRoomRig();

        Assert.Equal(IntakeResult.NotForThisRoom, rig.Intake.Accept(TestAlerts.Alert("a-1", room: "cr-limburg")));
        Assert.Equal(IntakeResult.NotForThisRoom, rig.Intake.Accept(TestAlerts.Alert("a-2", room: "")));
        Assert.Empty(rig.Store.Snapshot());
        Assert.Empty(rig.Audit.Records);
    }

    [Fact]
    public void UnroutedAlertsAreShownWhenAllowed()
    {
        var rig = new ControlRoomRig(acceptUnrouted: true);

        Assert.Equal(IntakeResult.Raised, rig.Intake.Accept(TestAlerts.Alert("a-1", room: "")));
    }

    [Fact]
    public void AnAcknowledgedAlertStaysClosedWhenRedelivered()
    {
        var rig = new ControlRoomRig();
        rig.Intake.Accept(TestAlerts.Alert("a-1"));

        rig.Intake.Observe(new AlertAcknowledgement
        {
            AlertId = "a-1",
            ControlRoom = ControlRoomRig.Room,
            Operator = "jan",
            Outcome = AlertOutcome.Intercepted,
            AcknowledgedAt = TestAlerts.Start,
        });

        Assert.Empty(rig.Store.Snapshot());
        Assert.Equal(IntakeResult.Duplicate, rig.Intake.Accept(TestAlerts.Alert("a-1")));
    }

    [Fact]
    public void AnAcknowledgementSeenBeforeItsAlertKeepsTheAlertClosed()
    {
        var rig = new ControlRoomRig();

        rig.Intake.Observe(new AlertAcknowledgement
        {
            AlertId = "a-1",
            ControlRoom = ControlRoomRig.Room,
            Operator = "jan",
            Outcome = AlertOutcome.Other,
            AcknowledgedAt = TestAlerts.Start,
        });

        Assert.Equal(IntakeResult.Duplicate, rig.Intake.Accept(TestAlerts.Alert("a-1")));
        Assert.Empty(rig.Store.Snapshot());
    }

    [Fact]
    public void AfterAcknowledgementTheSamePlateRaisesANewAlarm()
    {
        var rig = new ControlRoomRig();
        rig.Intake.Accept(TestAlerts.Alert("a-1"));
        rig.Intake.Close("a-1", out _);

        Assert.Equal(IntakeResult.Raised, rig.Intake.Accept(TestAlerts.Alert("a-2", at: TestAlerts.Start.AddMinutes(1))));
    }

    [Fact]
    public void AReplayRebuildsTheOpenListWithoutAuditingAgain()
    {
        var rig = new ControlRoomRig();

        rig.Intake.Accept(TestAlerts.Alert("a-1"), replay: true);
        rig.Intake.Accept(TestAlerts.Alert("a-2", at: TestAlerts.Start.AddMinutes(1)), replay: true);

        var open = Assert.Single(rig.Store.Snapshot());
        Assert.Equal(2, open.Sightings);
        Assert.Empty(rig.Audit.Records);
    }

    [Fact]
    public void AuditRecordsCarryAPseudonymNeverThePlate()
    {
        var rig = new ControlRoomRig();
        rig.Intake.Accept(TestAlerts.Alert("a-1", plate: "1ABC123"));

        var record = Assert.Single(rig.Audit.Records);
        var json = System.Text.Encoding.UTF8.GetString(AuditRecordJson.Serialize(record));

        Assert.DoesNotContain("1ABC123", json, StringComparison.Ordinal);
        Assert.Equal(64, record.PlatePseudonym!.Length);
        Assert.Equal(["NL/stolen/e-1"], record.Entries);
        Assert.Equal("controlroom:cr-antwerp", record.Actor);
    }

    [Fact]
    public void ADroppedAlertIsAudited()
    {
        var rig = new ControlRoomRig(capacity: 1);
        rig.Intake.Accept(TestAlerts.Alert("a-1"));
        rig.Time.Advance(TimeSpan.FromMinutes(1));

        rig.Intake.Accept(TestAlerts.Alert("a-2", plate: "2DEF456"));

        Assert.Contains(AuditActions.AlertDropped, rig.AuditActions());
        Assert.Equal("a-2", Assert.Single(rig.Store.Snapshot()).AlertId);
    }
}
