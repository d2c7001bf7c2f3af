using AnprExchange.Contracts.Audit;

namespace AnprExchange.ControlRoom.Audit;

/// <summary>Where audit records go. Writing never blocks the caller on the network; failures are logged by the sink.</summary>
public interface IAuditSink
{
    void Write(AuditRecord record);
}
