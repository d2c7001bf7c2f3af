using AnprExchange.ControlRoom.Alerts;

namespace AnprExchange.ControlRoom.Tests.Alerts;

public sealed class OpenAlertStoreTests
{
    private static OpenAlert Open(string id, int minutes) =>
        OpenAlert.Raise(TestAlerts.Alert(id, at: TestAlerts.Start.AddMinutes(minutes)), TestAlerts.Start.AddMinutes(minutes));

    [Fact]
    public void TheSnapshotListsOpenAlertsNewestFirst()
    {
        var store = new OpenAlertStore();
        store.Add(Open("a-1", 1));
        store.Add(Open("a-3", 3));
        store.Add(Open("a-2", 2));

        Assert.Equal(["a-3", "a-2", "a-1"], store.Snapshot().Select(a => a.AlertId));
    }

    [Fact]
    public void ASightingMovesAnAlertToTheTopAndCountsIt()
    {
        var store = new OpenAlertStore();
        store.Add(Open("a-1", 1));
        store.Add(Open("a-2", 2));
        var sighting = TestAlerts.Alert("a-9", camera: "cam-42", at: TestAlerts.Start.AddMinutes(5));

        Assert.True(store.TryUpdate("a-1", open => open.WithSighting(sighting, TestAlerts.Start.AddMinutes(5)), out var updated));

        Assert.Equal(2, updated!.Sightings);
        Assert.Equal("cam-42", updated.LastSighting.CameraId);
        Assert.Equal(["a-1", "a-2"], store.Snapshot().Select(a => a.AlertId));
    }

    [Fact]
    public void AnOlderSightingCountsButDoesNotMoveTheLastPosition()
    {
        var open = Open("a-1", 5);
        var late = TestAlerts.Alert("a-0", camera: "cam-old", at: TestAlerts.Start);

        var updated = open.WithSighting(late, TestAlerts.Start.AddMinutes(6));

        Assert.Equal(2, updated.Sightings);
        Assert.Equal("cam-17", updated.LastSighting.CameraId);
    }

    [Fact]
    public void RemovedAlertsLeaveTheList()
    {
        var store = new OpenAlertStore();
        store.Add(Open("a-1", 1));

        Assert.True(store.TryRemove("a-1", out _));
        Assert.False(store.TryRemove("a-1", out _));
        Assert.Empty(store.Snapshot());
        Assert.False(store.TryUpdate("a-1", o => o, out _));
    }

    [Fact]
    public void BeyondCapacityTheLeastRecentlyActiveAlertIsDropped()
    {
        var store = new OpenAlertStore(capacity: 2);
        store.Add(Open("a-1", 1));
        store.Add(Open("a-2", 2));

        var dropped = store.Add(Open("a-3", 3));

        Assert.Equal("a-1", dropped?.AlertId);
        Assert.Equal(["a-3", "a-2"], store.Snapshot().Select(a => a.AlertId));
    }

    [Fact]
    public void ASubscriberGetsTheSnapshotThenEveryChangeInOrder()
    {
        var store = new OpenAlertStore();
        store.Add(Open("a-1", 1));
        using var subscription = store.Subscribe();

        store.Add(Open("a-2", 2));
        store.TryRemove("a-1", out _);

        Assert.Equal(["a-1"], subscription.Snapshot.Select(a => a.AlertId));
        Assert.True(subscription.Changes.TryRead(out var first));
        Assert.Equal((OpenAlertChangeKind.Upserted, "a-2"), (first.Kind, first.AlertId));
        Assert.True(subscription.Changes.TryRead(out var second));
        Assert.Equal((OpenAlertChangeKind.Removed, "a-1"), (second.Kind, second.AlertId));
    }

    [Fact]
    public void ASubscriberThatFallsTooFarBehindIsCutOff()
    {
        var store = new OpenAlertStore(capacity: 10_000);
        using var subscription = store.Subscribe();

        for (var i = 0; i < 2000; i++)
        {
            store.Add(Open($"a-{i}", i));
        }

        Assert.True(subscription.Overflowed);
        Assert.True(subscription.Changes.Completion.IsCompleted || subscription.Changes.Count > 0);
    }

    [Fact]
    public void ADisposedSubscriptionGetsNoMoreChanges()
    {
        var store = new OpenAlertStore();
        var subscription = store.Subscribe();
        subscription.Dispose();

        store.Add(Open("a-1", 1));

        Assert.False(subscription.Changes.TryRead(out _));
    }
}
