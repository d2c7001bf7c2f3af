using AnprExchange.Contracts.Records;

namespace AnprExchange.ControlRoom.Acknowledgements;

/// <summary>Publishes an acknowledgement and completes once it is durably on the acknowledgements topic.</summary>
public interface IAcknowledgementPublisher
{
    Task PublishAsync(AlertAcknowledgement acknowledgement, CancellationToken cancellationToken);
}
