using AnprExchange.ControlRoom.Alerts;
using Microsoft.Extensions.Time.Testing;

namespace AnprExchange.ControlRoom.Tests.Alerts;

public sealed class AlertDeduplicatorTests
{
    private readonly FakeTimeProvider _time = new(TestAlerts.Start);

    [Fact]
    public void AnAlertIdIsAcceptedOnceHoweverOftenItIsDelivered()
    {
        var dedup = new AlertDeduplicator(_time, TimeSpan.FromHours(1), 100);

        Assert.True(dedup.TryRegister("a-1"));
        Assert.False(dedup.TryRegister("a-1"));
        Assert.False(dedup.TryRegister("a-1"));
        Assert.True(dedup.TryRegister("a-2"));
    }

    [Fact]
    public void AnIdIsForgottenAfterTheRetention()
    {
        var dedup = new AlertDeduplicator(_time, TimeSpan.FromHours(1), 100);
        dedup.TryRegister("a-1");

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(dedup.Contains("a-1"));
        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.False(dedup.Contains("a-1"));
        Assert.True(dedup.TryRegister("a-1"));
    }

    [Fact]
    public void TheOldestIdsAreForgottenBeyondCapacity()
    {
        var dedup = new AlertDeduplicator(_time, TimeSpan.FromHours(1), 3);
        foreach (var id in new[] { "a-1", "a-2", "a-3", "a-4" })
        {
            dedup.TryRegister(id);
        }

        Assert.Equal(3, dedup.Count);
        Assert.False(dedup.Contains("a-1"));
        Assert.True(dedup.Contains("a-4"));
    }
}
