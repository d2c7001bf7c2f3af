using AnprExchange.ControlRoom.Alerts;
using Microsoft.Extensions.Time.Testing;

namespace AnprExchange.ControlRoom.Tests.Alerts;

public sealed class SightingThrottleTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _time = new(TestAlerts.Start);

    [Fact]
    public void TheSamePlateAndEntryWithinTheWindowIsASightingOfTheOpenAlert()
    {
        var throttle = new SightingThrottle(_time, Window);
        throttle.Track("a-1", TestAlerts.Alert("a-1"));
        _time.Advance(TimeSpan.FromMinutes(4));

        Assert.Equal("a-1", throttle.FindOpenAlert(TestAlerts.Alert("a-2", at: TestAlerts.Start.AddMinutes(4))));
    }

    [Fact]
    public void TheSamePlateAndEntryAfterTheWindowIsANewAlarm()
    {
        var throttle = new SightingThrottle(_time, Window);
        throttle.Track("a-1", TestAlerts.Alert("a-1"));
        _time.Advance(TimeSpan.FromMinutes(11));

        Assert.Null(throttle.FindOpenAlert(TestAlerts.Alert("a-2", at: TestAlerts.Start.AddMinutes(11))));
    }

    [Fact]
    public void TheWindowSlidesWithEachSighting()
    {
        var throttle = new SightingThrottle(_time, Window);
        throttle.Track("a-1", TestAlerts.Alert("a-1"));
        _time.Advance(TimeSpan.FromMinutes(8));
        throttle.Track("a-1", TestAlerts.Alert("a-2", at: TestAlerts.Start.AddMinutes(8)));
        _time.Advance(TimeSpan.FromMinutes(8));

        Assert.Equal("a-1", throttle.FindOpenAlert(TestAlerts.Alert("a-3", at: TestAlerts.Start.AddMinutes(16))));
    }

    [Fact]
    public void AReplayedOldReadIsJudgedByReadTimesNotArrivalTimes()
    {
        var throttle = new SightingThrottle(_time, Window);
        throttle.Track("a-1", TestAlerts.Alert("a-1", at: TestAlerts.Start.AddHours(-5)));

        // Both reads arrive now (a replay after restart), but were made 30 minutes apart.
        Assert.Null(throttle.FindOpenAlert(TestAlerts.Alert("a-2", at: TestAlerts.Start.AddHours(-5).AddMinutes(30))));
    }

    [Fact]
    public void ADifferentEntryOrPlateIsANewAlarm()
    {
        var throttle = new SightingThrottle(_time, Window);
        throttle.Track("a-1", TestAlerts.Alert("a-1"));

        Assert.Null(throttle.FindOpenAlert(TestAlerts.Alert("a-2", matches: TestAlerts.Match("e-2"))));
        Assert.Null(throttle.FindOpenAlert(TestAlerts.Alert("a-3", plate: "9XYZ999")));
    }

    [Fact]
    public void AnyCommonEntryMakesItASighting()
    {
        var throttle = new SightingThrottle(_time, Window);
        throttle.Track("a-1", TestAlerts.Alert("a-1", matches: [TestAlerts.Match("e-1"), TestAlerts.Match("e-2")]));

        Assert.Equal("a-1", throttle.FindOpenAlert(TestAlerts.Alert("a-2", matches: TestAlerts.Match("e-2"))));
    }

    [Fact]
    public void AReleasedAlertNoLongerAbsorbsSightings()
    {
        var throttle = new SightingThrottle(_time, Window);
        throttle.Track("a-1", TestAlerts.Alert("a-1"));

        throttle.Release("a-1");

        Assert.Null(throttle.FindOpenAlert(TestAlerts.Alert("a-2")));
        Assert.Equal(0, throttle.SlotCount);
    }

    [Fact]
    public void StaleSlotsArePrunedByTheClock()
    {
        var throttle = new SightingThrottle(_time, Window);
        throttle.Track("a-1", TestAlerts.Alert("a-1"));
        throttle.Track("b-1", TestAlerts.Alert("b-1", plate: "2DEF456"));

        _time.Advance(TimeSpan.FromMinutes(25));
        throttle.FindOpenAlert(TestAlerts.Alert("c-1", plate: "3GHI789"));

        Assert.Equal(0, throttle.SlotCount);
    }

    [Fact]
    public void AZeroWindowNeverThrottlesLaterReads()
    {
        var throttle = new SightingThrottle(_time, TimeSpan.Zero);
        throttle.Track("a-1", TestAlerts.Alert("a-1"));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(throttle.FindOpenAlert(TestAlerts.Alert("a-2", at: TestAlerts.Start.AddSeconds(1))));
    }
}
