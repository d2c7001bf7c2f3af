using System.Collections.Frozen;
using System.Globalization;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Hotlists.Plates;
using C = AnprExchange.Hotlists.Csv.HotlistCsvColumns;

namespace AnprExchange.Hotlists.Csv;

public static partial class HotlistCsvReader
{
    /// <summary>Checks one data row, every column, and builds its entry when the row has no error.</summary>
    private sealed class RowValidator(
        HotlistCsvHeader header, string sourceCountry, string list, HotlistPushMode? mode, List<HotlistCsvError> errors)
    {
        // The words of HotlistVocabulary, looked up without its per-call enumeration (a million rows, two lookups each).
        private static readonly FrozenDictionary<string, HotlistCategory> Categories =
            Enum.GetValues<HotlistCategory>().ToFrozenDictionary(v => v.ToWire(), StringComparer.OrdinalIgnoreCase);
        private static readonly FrozenDictionary<string, HotlistAction> Actions =
            Enum.GetValues<HotlistAction>().ToFrozenDictionary(v => v.ToWire(), StringComparer.OrdinalIgnoreCase);

        private readonly Dictionary<string, int> _entryIdLines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _countryCodes = new(StringComparer.Ordinal);
        private string[] _fields = [];
        private int _line;
        private int _errorsBefore;

        public bool HasDeletes { get; private set; }

        public HotlistEntryRecord? Validate(string[] fields, int line, int rowIndex)
        {
            (_fields, _line, _errorsBefore) = (fields, line, errors.Count);
            if (fields.Length != header.FieldCount)
            {
                Error("", $"the row has {fields.Length} fields but the header has {header.FieldCount}");
                return null;
            }

            for (var i = 0; i < fields.Length; i++)
            {
                if (fields[i].Contains('\uFFFD', StringComparison.Ordinal))
                {
                    Error(ColumnName(i), "the field is not valid UTF-8 (save the file as UTF-8)");
                }
            }
            var operation = ParseOperation();
            var entryId = ParseEntryId();
            if (operation == HotlistEntryOperation.Delete)
            {
                HasDeletes = true;
                if (mode == HotlistPushMode.Full)
                {
                    Error(C.Op, "delete rows are only allowed in delta mode (a full push replaces the list: leave the entry out instead)");
                }
                return errors.Count > _errorsBefore ? null : new HotlistEntryRecord
                {
                    BatchId = "",
                    Sequence = rowIndex,
                    Operation = HotlistEntryOperation.Delete,
                    SourceCountry = sourceCountry,
                    List = list,
                    EntryId = entryId,
                    Plate = "",
                };
            }

            var plate = ParsePlate();
            var plateCountry = ParsePlateCountry();
            var category = ParseRequired(C.Category, Categories);
            var action = ParseRequired(C.Action, Actions);
            var priority = ParsePriority();
            var validFrom = ParseDate(C.ValidFrom, isEnd: false);
            var validUntil = ParseDate(C.ValidUntil, isEnd: true);
            if (validFrom is { } from && validUntil is { } until && until <= from)
            {
                Error(C.ValidUntil, "valid_until must be after valid_from");
            }
            var covert = ParseCovert();
            var reference = ParseText(C.Reference);
            var remarks = ParseText(C.Remarks);

            return errors.Count > _errorsBefore ? null : new HotlistEntryRecord
            {
                BatchId = "",
                Sequence = rowIndex,
                Operation = HotlistEntryOperation.Upsert,
                SourceCountry = sourceCountry,
                List = list,
                EntryId = entryId,
                Plate = plate,
                PlateCountry = plateCountry,
                Category = category,
                Action = action,
                Priority = priority,
                ValidFrom = validFrom,
                ValidUntil = validUntil,
                Covert = covert,
                Reference = reference,
                Remarks = remarks,
            };
        }

        /// <summary>The trimmed field; "" when empty or when the header lacks the column (reported once, on line 1).</summary>
        private string Field(string column)
        {
            var index = header.IndexOf(column);
            return index < 0 ? "" : _fields[index].Trim();
        }

        private string ColumnName(int index) => header.NameAt(index);

        private void Error(string column, string message) => errors.Add(new HotlistCsvError(_line, column, message));

        private HotlistEntryOperation ParseOperation()
        {
            var op = Field(C.Op);
            if (op.Length == 0 || op.Equals("upsert", StringComparison.OrdinalIgnoreCase))
            {
                return HotlistEntryOperation.Upsert;
            }
            if (op.Equals("delete", StringComparison.OrdinalIgnoreCase))
            {
                return HotlistEntryOperation.Delete;
            }
            Error(C.Op, $"'{op}' is not an operation: use upsert (or leave empty) or delete");
            return HotlistEntryOperation.Upsert;
        }

        private string ParseEntryId()
        {
            var id = Field(C.EntryId);
            if (id.Length == 0 && header.Has(C.EntryId))
            {
                Error(C.EntryId, "entry_id is required");
            }
            else if (id.Length > MaxEntryIdLength)
            {
                Error(C.EntryId, $"entry_id is longer than {MaxEntryIdLength} characters");
            }
            else if (id.AsSpan().ContainsAnyInRange('\0', '\u001f'))
            {
                Error(C.EntryId, "entry_id has a control character");
            }
            else if (!_entryIdLines.TryAdd(id, _line))
            {
                Error(C.EntryId, $"entry_id '{id}' is already used on line {_entryIdLines[id]}");
            }
            return id;
        }

        private string ParsePlate()
        {
            var text = Field(C.Plate);
            if (text.Length == 0)
            {
                if (header.Has(C.Plate))
                {
                    Error(C.Plate, "plate is required");
                }
                return "";
            }
            if (!HotlistPlatePattern.TryNormalize(text, out var plate, out var reason))
            {
                Error(C.Plate, reason!);
            }
            return plate;
        }

        private string? ParsePlateCountry()
        {
            var text = Field(C.PlateCountry);
            if (text.Length == 0)
            {
                return null;
            }
            var upper = text.ToUpperInvariant();
            if (!HotlistNames.IsCountryCode(upper))
            {
                Error(C.PlateCountry, $"'{text}' is not an ISO 3166 alpha-2 country code (two letters, e.g. NL)");
                return upper;
            }
            // A million entries share a handful of country codes: keep one string per code, not one per row.
            if (!_countryCodes.TryGetValue(upper, out var shared))
            {
                _countryCodes[upper] = shared = upper;
            }
            return shared;
        }

        private T ParseRequired<T>(string column, FrozenDictionary<string, T> words)
            where T : struct
        {
            var text = Field(column);
            if (text.Length == 0)
            {
                if (header.Has(column))
                {
                    Error(column, $"{column} is required");
                }
            }
            else if (words.TryGetValue(text, out var value))
            {
                return value;
            }
            else
            {
                Error(column, $"'{text}' is not a known {column}; use one of {string.Join(", ", words.Keys.Order(StringComparer.Ordinal))}");
            }
            return default;
        }

        private int ParsePriority()
        {
            var text = Field(C.Priority);
            if (text.Length == 0)
            {
                return 50;
            }
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var priority) && priority <= 100)
            {
                return priority;
            }
            Error(C.Priority, $"'{text}' is not a priority: a whole number from 0 (highest) to 100");
            return 50;
        }

        private DateTimeOffset? ParseDate(string column, bool isEnd)
        {
            var text = Field(column);
            if (text.Length == 0)
            {
                return null;
            }
            if (HotlistCsvDates.TryParse(text, isEnd, out var value, out var reason))
            {
                return value;
            }
            Error(column, reason!);
            return null;
        }

        private bool ParseCovert()
        {
            var text = Field(C.Covert);
            if (text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
            Error(C.Covert, $"'{text}' is not true or false");
            return false;
        }

        private string? ParseText(string column)
        {
            var text = Field(column);
            if (text.Length > MaxTextLength)
            {
                Error(column, $"{column} is longer than {MaxTextLength} characters");
            }
            return text.Length == 0 ? null : text;
        }
    }
}
