using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Csv;

/// <summary>How to read a hotlist CSV file.</summary>
public sealed class HotlistCsvReadOptions
{
    /// <summary>
    /// The push mode the file is meant for: <see cref="HotlistPushMode.Full"/> reports every delete row as an error;
    /// null (the default) accepts delete rows and only flags them in <see cref="HotlistCsvResult.HasDeletes"/>.
    /// </summary>
    public HotlistPushMode? Mode { get; init; }

    /// <summary>Called with the number of data rows read every <see cref="ProgressInterval"/> rows; for progress display.</summary>
    public Action<int>? Progress { get; init; }

    public int ProgressInterval { get; init; } = 100_000;
}
