using AnprExchange.Contracts.Records;

namespace AnprExchange.Hotlists.Csv;

/// <summary>What <see cref="HotlistCsvReader"/> made of a file: the valid entries and every error found.</summary>
public sealed class HotlistCsvResult
{
    /// <summary>Entries of the valid rows in file order; BatchId is "" and Sequence the 0-based data row index until a publisher sets them.</summary>
    public required IReadOnlyList<HotlistEntryRecord> Entries { get; init; }

    /// <summary>Every problem found, in file order. A file with any error must not be published.</summary>
    public required IReadOnlyList<HotlistCsvError> Errors { get; init; }

    /// <summary>True when at least one row has <c>op</c> = delete (allowed in delta mode only).</summary>
    public required bool HasDeletes { get; init; }

    /// <summary>Data rows read (header excluded), valid or not.</summary>
    public required int RowCount { get; init; }

    public bool IsValid => Errors.Count == 0;
}
