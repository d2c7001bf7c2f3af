namespace AnprExchange.EdgeAgent.Forwarding;

/// <summary>
/// The reads between the released watermark and what was handed to the producer: one state byte per sequence in a
/// ring of <c>capacity</c> slots starting at <see cref="Watermark"/>. Deliveries arrive out of order across partitions;
/// the watermark advances over the contiguous delivered prefix. Thread-safe (delivery reports come from librdkafka's thread).
/// </summary>
public sealed class DeliveryWindow(long watermark, int capacity)
{
    private const byte Empty = 0;
    private const byte InFlight = 1;
    private const byte Delivered = 2;

    private readonly object _gate = new();
    private readonly byte[] _states = new byte[capacity];
    private long _watermark = watermark;
    private int _inFlight;
    private bool _failed;

    public int Capacity => _states.Length;

    /// <summary>Every sequence below this has been delivered.</summary>
    public long Watermark { get { lock (_gate) { return _watermark; } } }

    public int InFlightCount { get { lock (_gate) { return _inFlight; } } }

    /// <summary>A delivery failed since the last <see cref="ClearFailure"/>: the forwarder rewinds to the watermark.</summary>
    public bool HasFailed { get { lock (_gate) { return _failed; } } }

    public bool HasRoomFor(long sequence)
    {
        lock (_gate)
        {
            return sequence - _watermark < _states.Length;
        }
    }

    /// <summary>True if <paramref name="sequence"/> is already delivered (skip it when resending).</summary>
    public bool IsDelivered(long sequence)
    {
        lock (_gate)
        {
            return sequence < _watermark || (sequence - _watermark < _states.Length && _states[Slot(sequence)] == Delivered);
        }
    }

    public void MarkInFlight(long sequence)
    {
        lock (_gate)
        {
            _states[Slot(sequence)] = InFlight;
            _inFlight++;
        }
    }

    /// <summary>Returns how far the watermark moved.</summary>
    public long MarkDelivered(long sequence)
    {
        lock (_gate)
        {
            _inFlight--;
            if (sequence < _watermark)
            {
                return 0;
            }
            _states[Slot(sequence)] = Delivered;
            var start = _watermark;
            while (_states[Slot(_watermark)] == Delivered)
            {
                _states[Slot(_watermark)] = Empty;
                _watermark++;
            }
            return _watermark - start;
        }
    }

    public void MarkFailed(long sequence)
    {
        lock (_gate)
        {
            _inFlight--;
            if (sequence >= _watermark && _states[Slot(sequence)] == InFlight)
            {
                _states[Slot(sequence)] = Empty;
            }
            _failed = true;
        }
    }

    /// <summary>The producer was replaced: nothing is in flight any more; failed, so the forwarder resends.</summary>
    public void AbandonInFlight()
    {
        lock (_gate)
        {
            for (var i = 0; i < _states.Length; i++)
            {
                if (_states[i] == InFlight)
                {
                    _states[i] = Empty;
                }
            }
            _inFlight = 0;
            _failed = true;
        }
    }

    public void ClearFailure()
    {
        lock (_gate)
        {
            _failed = false;
        }
    }

    private int Slot(long sequence) => (int)(sequence % _states.Length);
}
