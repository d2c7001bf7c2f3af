namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// The disk bound counts bytes still to be delivered: every segment file on disk, less the released prefix of the
/// active segment (whose file stays until it is sealed). The prefix is known to within <see cref="ReleaseMarkBytes"/>:
/// every 64 KiB of the active segment, the sequence of the record starting there is noted (≤ 1,024 marks per 64 MiB).
/// </summary>
public sealed partial class ReadSpool
{
    private const long ReleaseMarkBytes = 64 * 1024;

    private readonly List<(long Sequence, long Offset)> _activeMarks = [];
    private int _activeMarksReleased;
    private long _nextMarkOffset;
    private long _activeReleasedBytes;

    /// <summary>Bytes counted toward <see cref="SpoolOptions.MaxBytes"/>: segment files less the active segment's released prefix.</summary>
    public long BoundedBytes { get { lock (_gate) { return _totalBytes - _activeReleasedBytes; } } }

    /// <summary>Notes a mark when the record about to be appended at the end of the active segment starts a new 64 KiB.</summary>
    private void MarkActive(long sequence)
    {
        if (_active.Length >= _nextMarkOffset)
        {
            _activeMarks.Add((sequence, _active.Length));
            _nextMarkOffset = _active.Length + ReleaseMarkBytes;
        }
    }

    /// <summary>A new (or reopened) active segment: nothing of it is known to be released yet.</summary>
    private void ResetActiveMarks(long existingLength)
    {
        _activeMarks.Clear();
        _activeMarksReleased = 0;
        _nextMarkOffset = existingLength;
        _activeReleasedBytes = 0;
    }

    /// <summary>Moves the released prefix of the active segment up to the watermark (to the mark at or below it).</summary>
    private void ReleaseActive()
    {
        if (_active.LastSequence < _released)
        {
            _activeReleasedBytes = _active.Length;
        }
        while (_activeMarksReleased < _activeMarks.Count && _activeMarks[_activeMarksReleased].Sequence <= _released)
        {
            _activeReleasedBytes = Math.Max(_activeReleasedBytes, _activeMarks[_activeMarksReleased].Offset);
            _activeMarksReleased++;
        }
    }
}
