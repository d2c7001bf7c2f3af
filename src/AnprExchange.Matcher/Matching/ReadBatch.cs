using AnprExchange.Contracts.Records;
using AnprExchange.Core.Index;
using Confluent.Kafka;

namespace AnprExchange.Matcher.Matching;

/// <summary>The reusable buffers of one consume/lookup/produce cycle; allocated once per matcher thread.</summary>
internal sealed class ReadBatch(int capacity)
{
    /// <summary>Room for several matches per read; a read with more is looked up again on its own pass.</summary>
    private const int MatchesPerRead = 8;

    public List<ConsumeResult<Ignore, byte[]>> Results { get; } = new(capacity);

    public PlateRead[] Reads { get; } = new PlateRead[capacity];

    public PlateQuery[] Queries { get; } = new PlateQuery[capacity];

    public int[] Counts { get; } = new int[capacity];

    public HotlistMatch[] Matches { get; } = new HotlistMatch[Math.Max(capacity * MatchesPerRead, 256)];

    public int Count { get; private set; }

    public void Add(PlateRead read, in PlateQuery query)
    {
        Reads[Count] = read;
        Queries[Count] = query;
        Count++;
    }

    public void Clear()
    {
        Results.Clear();
        Array.Clear(Reads, 0, Count);
        Count = 0;
    }
}
