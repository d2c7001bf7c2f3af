namespace AnprExchange.EdgeAgent.Spool;

/// <summary>
/// Released segment files are kept as spares (renamed <c>*.spare</c>, up to <see cref="MaxSpareSegments"/>) and the
/// next segment is a spare renamed, written over from its start, as databases recycle their log segments. Deleting a
/// written 64 MiB file and allocating a new one cost the file system milliseconds each (~20 ms for the delete on this
/// project's VM, with fsync per batch), and every write into fresh blocks changes the file's size and extents, which
/// each fsync then journals. A recycled file's blocks are written already and its size does not change, so a group
/// commit's fsync writes data and nothing else. What lies past the new records is the old segment's until the segment
/// is sealed or the spool closed, when the file is cut to its records; after a crash, recovery cuts it as a torn tail
/// (those bytes fail the CRC or carry sequences below the segment's first). A cursor still inside a segment that is
/// recycled under it goes on with the next one.
/// Spares are outside <see cref="SpoolOptions.MaxBytes"/>: at most two segment files more on disk.
/// </summary>
public sealed partial class ReadSpool
{
    public const int MaxSpareSegments = 2;

    private const string SpareExtension = ".spare";

    // Spare files ready to be renamed into the next segment, and spares being made (renamed outside the lock).
    private readonly Stack<string> _spares = new();
    private int _sparesBeingMade;

    /// <summary>Spare segment files on disk (for tests).</summary>
    internal int SpareCount { get { lock (_gate) { return _spares.Count; } } }

    /// <summary>Segments started in a spare rather than a new file (for tests). Guarded by the lock.</summary>
    internal int RecycledSegments { get; private set; }

    /// <summary>
    /// Retires segments already out of the list (cursors on them go on with the next one): kept as spares while there
    /// is room for one, deleted otherwise. Outside the lock. Each one's bytes stop counting against the disk bound
    /// once it is retired. A file that can be neither renamed nor deleted keeps counting until the next start, whose
    /// recovery finds its records below the persisted watermark.
    /// </summary>
    private void RetireSegmentFiles(List<SpoolSegment>? released)
    {
        if (released is null)
        {
            return;
        }
        foreach (var segment in released)
        {
            bool keep;
            lock (_gate)
            {
                keep = !_disposed && _spares.Count + _sparesBeingMade < MaxSpareSegments;
                _sparesBeingMade += keep ? 1 : 0;
            }
            var spare = Path.ChangeExtension(segment.Path, SpareExtension);
            var retired = false;
            try
            {
                if (keep)
                {
                    File.Move(segment.Path, spare);
                }
                else
                {
                    File.Delete(segment.Path);
                }
                retired = true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.SegmentDeleteFailed(_logger, segment.Path, e);
            }
            lock (_gate)
            {
                _sparesBeingMade -= keep ? 1 : 0;
                if (!retired)
                {
                    continue;
                }
                if (keep)
                {
                    _spares.Push(spare);
                }
                Volatile.Write(ref _totalBytes, _totalBytes - segment.Length);
            }
            Log.SegmentReleased(_logger, segment.Path, segment.LastSequence);
        }
    }

    /// <summary>Under the lock: a spare renamed to <paramref name="path"/>, or false if there is none (or it failed).</summary>
    private bool TryRecycleSpareLocked(string path)
    {
        while (_spares.TryPop(out var spare))
        {
            try
            {
                File.Move(spare, path);
                RecycledSegments++;
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.SpareUnusable(_logger, spare, e);
            }
        }
        return false;
    }

    /// <summary>
    /// Under the lock, once the active segment is sealed or the spool closed (all its records written): a recycled
    /// file is cut to its own records, so that only a crash ever leaves the old segment's bytes behind them (recovery
    /// then cuts them as a torn tail).
    /// </summary>
    private void CutRecycledTail()
    {
        if (RandomAccess.GetLength(_activeHandle) > _activeWritten)
        {
            RandomAccess.SetLength(_activeHandle, _activeWritten);
        }
    }

    /// <summary>Start-up: spares left by the last run are used again; any beyond the limit are deleted.</summary>
    private void LoadSpares()
    {
        foreach (var path in System.IO.Directory.EnumerateFiles(_options.Directory, "*" + SpareExtension))
        {
            if (_spares.Count < MaxSpareSegments)
            {
                _spares.Push(path);
            }
            else
            {
                File.Delete(path);
            }
        }
    }
}
