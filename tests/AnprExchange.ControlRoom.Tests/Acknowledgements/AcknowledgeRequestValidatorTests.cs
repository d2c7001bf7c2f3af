using AnprExchange.Contracts.Records;
using AnprExchange.ControlRoom.Acknowledgements;

namespace AnprExchange.ControlRoom.Tests.Acknowledgements;

public sealed class AcknowledgeRequestValidatorTests
{
    [Theory]
    [InlineData("intercepted", AlertOutcome.Intercepted)]
    [InlineData("not_found", AlertOutcome.NotFound)]
    [InlineData("false_read", AlertOutcome.FalseRead)]
    [InlineData("other", AlertOutcome.Other)]
    [InlineData(" Intercepted ", AlertOutcome.Intercepted)]
    public void EveryOutcomeWordIsAccepted(string word, AlertOutcome expected)
    {
        Assert.True(AcknowledgeRequestValidator.TryValidate(new AcknowledgeRequest(" Jan Peeters ", word), out var name, out var outcome, out _, out var error));
        Assert.Equal(("Jan Peeters", expected, null), (name, outcome, error));
    }

    [Theory]
    [InlineData(null, "intercepted", "operator")]
    [InlineData("  ", "intercepted", "operator")]
    [InlineData("jan", null, "outcome")]
    [InlineData("jan", "caught", "outcome")]
    [InlineData("jan\u0007", "other", "operator")]
    public void ABadRequestIsRefusedWithTheReason(string? operatorName, string? outcome, string field)
    {
        Assert.False(AcknowledgeRequestValidator.TryValidate(new AcknowledgeRequest(operatorName, outcome), out _, out _, out _, out var error));
        Assert.Contains(field, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingBodyIsRefused()
    {
        Assert.False(AcknowledgeRequestValidator.TryValidate(null, out _, out _, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void OverlongFieldsAreRefused()
    {
        Assert.False(AcknowledgeRequestValidator.TryValidate(new AcknowledgeRequest(new string('x', 101), "other"), out _, out _, out _, out _));
        Assert.False(AcknowledgeRequestValidator.TryValidate(new AcknowledgeRequest("jan", "other", new string('x', 1001)), out _, out _, out _, out _));
    }
}
