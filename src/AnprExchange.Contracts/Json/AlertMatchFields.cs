using System.Text.Json;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Contracts.Json;

/// <summary>The fields of one element of an alert's matches array as they are parsed.</summary>
internal struct AlertMatchFields
{
    private string? _entryId;
    private string? _sourceCountry;
    private string? _list;
    private HotlistCategory? _category;
    private HotlistAction? _action;
    private int? _priority;
    private MatchKind? _matchKind;
    private string? _reference;
    private bool _covert;

    public void ReadProperty(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("entryId"u8))
        {
            _entryId = AlertFields.RequiredString(ref reader, "matches[].entryId");
        }
        else if (reader.ValueTextEquals("sourceCountry"u8))
        {
            _sourceCountry = AlertFields.RequiredString(ref reader, "matches[].sourceCountry");
        }
        else if (reader.ValueTextEquals("list"u8))
        {
            _list = AlertFields.RequiredString(ref reader, "matches[].list");
        }
        else if (reader.ValueTextEquals("category"u8))
        {
            var text = AlertFields.RequiredString(ref reader, "matches[].category");
            _category = HotlistVocabulary.TryParseCategory(text, out var category)
                ? category
                : throw AlertFields.Wrong("matches[].category", $"has unknown value '{text}'");
        }
        else if (reader.ValueTextEquals("action"u8))
        {
            var text = AlertFields.RequiredString(ref reader, "matches[].action");
            _action = HotlistVocabulary.TryParseAction(text, out var action)
                ? action
                : throw AlertFields.Wrong("matches[].action", $"has unknown value '{text}'");
        }
        else if (reader.ValueTextEquals("priority"u8))
        {
            reader.Read();
            _priority = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var priority)
                ? priority
                : throw AlertFields.Wrong("matches[].priority", "must be an integer");
        }
        else if (reader.ValueTextEquals("matchKind"u8))
        {
            var text = AlertFields.RequiredString(ref reader, "matches[].matchKind");
            _matchKind = HotlistVocabulary.TryParseMatchKind(text, out var kind)
                ? kind
                : throw AlertFields.Wrong("matches[].matchKind", $"has unknown value '{text}'");
        }
        else if (reader.ValueTextEquals("reference"u8))
        {
            _reference = AlertFields.OptionalString(ref reader, "matches[].reference");
        }
        else if (reader.ValueTextEquals("covert"u8))
        {
            reader.Read();
            _covert = reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False or JsonTokenType.Null => false,
                _ => throw AlertFields.Wrong("matches[].covert", "must be a boolean"),
            };
        }
        else
        {
            reader.Read();
            reader.Skip();
        }
    }

    public readonly AlertMatch Build(int index) => new()
    {
        EntryId = _entryId ?? throw Missing(index, "entryId"),
        SourceCountry = _sourceCountry ?? throw Missing(index, "sourceCountry"),
        List = _list ?? throw Missing(index, "list"),
        Category = _category ?? throw Missing(index, "category"),
        Action = _action ?? throw Missing(index, "action"),
        Priority = _priority ?? throw Missing(index, "priority"),
        MatchKind = _matchKind ?? throw Missing(index, "matchKind"),
        Reference = _reference,
        Covert = _covert,
    };

    private static JsonException Missing(int index, string field) =>
        new($"alert: missing required field 'matches[{index}].{field}'");
}
