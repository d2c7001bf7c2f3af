using System.Threading.Channels;

namespace AnprExchange.ControlRoom.Alerts;

/// <summary>
/// A live view of the open list: the snapshot at subscription time, then every change in order. A subscriber that
/// falls more than <c>capacity</c> changes behind is cut off (its reader completes with <see cref="Overflowed"/> set)
/// and must subscribe again for a fresh snapshot, which is what the console's reconnect does anyway.
/// </summary>
public sealed class OpenAlertSubscription : IDisposable
{
    private readonly Channel<OpenAlertChange> _changes;
    private readonly Action<OpenAlertSubscription> _unsubscribe;

    internal OpenAlertSubscription(IReadOnlyList<OpenAlert> snapshot, int capacity, Action<OpenAlertSubscription> unsubscribe)
    {
        Snapshot = snapshot;
        _unsubscribe = unsubscribe;
        _changes = Channel.CreateBounded<OpenAlertChange>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Open alerts when the subscription started, newest first.</summary>
    public IReadOnlyList<OpenAlert> Snapshot { get; }

    public ChannelReader<OpenAlertChange> Changes => _changes.Reader;

    public bool Overflowed { get; private set; }

    internal void Publish(OpenAlertChange change)
    {
        if (!_changes.Writer.TryWrite(change))
        {
            Overflowed = true;
            _changes.Writer.TryComplete();
        }
    }

    public void Dispose()
    {
        _changes.Writer.TryComplete();
        _unsubscribe(this);
    }
}
