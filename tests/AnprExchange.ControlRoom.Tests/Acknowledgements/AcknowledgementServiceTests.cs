using AnprExchange.Contracts.Audit;
using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Acknowledgements;

namespace AnprExchange.ControlRoom.Tests.Acknowledgements;

public sealed class AcknowledgementServiceTests
{
    [Fact]
    public async Task AnAcknowledgementIsPublishedClosesTheAlertAndIsAudited()
    {
        var rig = new ControlRoomRig();
        rig.Intake.Accept(TestAlerts.Alert("a-1"));

        var result = await rig.Acknowledgements.AcknowledgeAsync("a-1", new AcknowledgeRequest("jan", "intercepted", "driver arrested"), TestContext.Current.CancellationToken);

        Assert.Equal(AcknowledgeStatus.Acknowledged, result.Status);
        var ack = Assert.Single(rig.Publisher.Published);
        Assert.Equal(("a-1", ControlRoomRig.Room, "jan", AlertOutcome.Intercepted, "driver arrested"), (ack.AlertId, ack.ControlRoom, ack.Operator, ack.Outcome, ack.Remarks));
        Assert.Empty(rig.Store.Snapshot());
        var audit = rig.Audit.Records.Last();
        Assert.Equal((AuditActions.AlertAcknowledged, "operator:jan", "intercepted"), (audit.Action, audit.Actor, audit.Outcome));
    }

    [Fact]
    public async Task AnAlertThatIsNotOpenIsNotFound()
    {
        var rig = new ControlRoomRig();

        var result = await rig.Acknowledgements.AcknowledgeAsync("nope", new AcknowledgeRequest("jan", "other"), TestContext.Current.CancellationToken);

        Assert.Equal(AcknowledgeStatus.NotOpen, result.Status);
        Assert.Empty(rig.Publisher.Published);
    }

    [Fact]
    public async Task AnInvalidRequestPublishesNothing()
    {
        var rig = new ControlRoomRig();
        rig.Intake.Accept(TestAlerts.Alert("a-1"));

        var result = await rig.Acknowledgements.AcknowledgeAsync("a-1", new AcknowledgeRequest("jan", "caught"), TestContext.Current.CancellationToken);

        Assert.Equal(AcknowledgeStatus.Invalid, result.Status);
        Assert.Empty(rig.Publisher.Published);
        Assert.Single(rig.Store.Snapshot());
    }

    [Fact]
    public async Task WhenPublishingFailsTheAlertStaysOpen()
    {
        var rig = new ControlRoomRig();
        rig.Intake.Accept(TestAlerts.Alert("a-1"));
        rig.Publisher.FailWith = new InvalidOperationException("broker down");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            rig.Acknowledgements.AcknowledgeAsync("a-1", new AcknowledgeRequest("jan", "other"), TestContext.Current.CancellationToken));

        Assert.Single(rig.Store.Snapshot());
    }

    [Fact]
    public void OpeningTheDetailViewIsAudited()
    {
        var rig = new ControlRoomRig();
        rig.Intake.Accept(TestAlerts.Alert("a-1"));

        Assert.True(rig.Acknowledgements.Opened("a-1", "jan"));
        Assert.False(rig.Acknowledgements.Opened("nope", "jan"));

        Assert.Equal("operator:jan", rig.Audit.Records.Last().Actor);
        Assert.Equal(AuditActions.AlertOpened, rig.Audit.Records.Last().Action);
    }
}
