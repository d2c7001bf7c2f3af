
namespace AnprExchange.Kafka.Tests.Topics;

public sealed class AnprTopicsTests
{
    [Fact]
    public void TopicNamesFollowTheDesignWithLowerCaseCountries()
    {
        Assert.Equal("anpr.reads.be", AnprTopics.Reads("BE"));
        Assert.Equal("anpr.hotlist.nl", AnprTopics.Hotlist("nl"));
        Assert.Equal("anpr.alerts.lu", AnprTopics.Alerts("LU"));
        Assert.Equal("anpr.alerts.acks.be", AnprTopics.AlertAcks("BE"));
        Assert.Equal("anpr.rejected.be", AnprTopics.Rejected("BE"));
        Assert.Equal("anpr.audit.be", AnprTopics.Audit("BE"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("BEL")]
    [InlineData("B1")]
    [InlineData("../x")]
    public void CountryThatIsNotAnAlpha2CodeIsRefused(string country)
    {
        var error = Assert.Throws<ArgumentException>(() => AnprTopics.Reads(country));
        Assert.Contains("ISO 3166 alpha-2", error.Message);
    }
}
