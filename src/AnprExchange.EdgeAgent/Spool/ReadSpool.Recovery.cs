namespace AnprExchange.EdgeAgent.Spool;

/// <summary>Start-up: scan every segment, truncate a torn tail, and resume sequence numbers and the watermark.</summary>
public sealed partial class ReadSpool
{
    private void Recover()
    {
        var checkpoint = LoadCheckpoint();
        LoadSpares();
        var files = new List<(long First, string Path)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(_options.Directory, "*" + SpoolSegment.Extension))
        {
            if (SpoolSegment.TryParseName(path, out var first))
            {
                files.Add((first, path));
            }
        }
        files.Sort((a, b) => a.First.CompareTo(b.First));

        using var reader = new SegmentReader();
        foreach (var (first, path) in files)
        {
            var segment = new SpoolSegment(_options.Directory, first);
            var fileLength = new FileInfo(path).Length;
            reader.Open(path);
            var expected = first;
            while (reader.TryRead(fileLength, out var sequence, out _) == SegmentReadStatus.Record && sequence == expected)
            {
                expected++;
            }
            var validLength = reader.Position;
            reader.Close();
            if (validLength < fileLength)
            {
                Log.TornTail(_logger, path, validLength, fileLength - validLength);
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
                RandomAccess.SetLength(handle, validLength);
                RandomAccess.FlushToDisk(handle);
            }
            segment.LastSequence = expected - 1;
            segment.Length = validLength;
            segment.CommittedLength = validLength;
            segment.Sealed = true;
            _segments.Add(segment);
            _totalBytes += validLength;
        }

        if (_segments.Count == 0)
        {
            _nextSequence = Math.Max(checkpoint, 1);
            OpenActive(new SpoolSegment(_options.Directory, _nextSequence), existingLength: 0);
        }
        else
        {
            var last = _segments[^1];
            _nextSequence = Math.Max(last.LastSequence + 1, checkpoint);
            if (_nextSequence != last.LastSequence + 1)
            {
                OpenActive(new SpoolSegment(_options.Directory, _nextSequence), existingLength: 0);
            }
            else
            {
                last.Sealed = false;
                OpenActive(last, existingLength: last.Length);
            }
        }
        _committedSequence = _nextSequence - 1;
        _writtenSequence = _committedSequence;
        _released = Math.Max(checkpoint, _segments[0].FirstSequence);
        _checkpointed = checkpoint;
        var pending = _nextSequence - _released;
        Log.Recovered(_logger, _options.Directory, _segments.Count, pending, _released);
        ReleaseActive();
        RetireSegmentFiles(TakeReleasedSegmentsLocked());
    }
}
