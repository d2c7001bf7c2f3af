using AnprExchange.Core.Index;

namespace AnprExchange.Matcher.Indexing;

/// <summary>
/// The index the matcher reads from. Replication may swap in one loaded from a snapshot before it reports ready;
/// after that only the replication thread writes to it.
/// </summary>
public sealed class MatcherIndex
{
    private HotlistIndex _current = new();

    public HotlistIndex Current
    {
        get => Volatile.Read(ref _current);
        internal set => Volatile.Write(ref _current, value);
    }
}
