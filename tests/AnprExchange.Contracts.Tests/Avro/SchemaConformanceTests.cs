using System.Collections;
using System.Text;
using AnprExchange.Contracts.Avro;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using Avro;
using Avro.Generic;

namespace AnprExchange.Contracts.Tests.Avro;

/// <summary>
/// The hand-written mappers must agree with the .avsc files: Apache.Avro's generic reader decodes what a codec wrote,
/// field by field, to the values of the C# properties of the same name.
/// </summary>
public sealed class SchemaConformanceTests
{
    [Fact]
    public void ApacheAvroReadsAPlateReadFieldByField() => AssertConforms(AnprCodecs.PlateRead, Samples.FullRead());

    [Fact]
    public void ApacheAvroReadsAMinimalPlateReadFieldByField() => AssertConforms(AnprCodecs.PlateRead, Samples.MinimalRead());

    [Fact]
    public void ApacheAvroReadsAHotlistEntryFieldByField() => AssertConforms(AnprCodecs.HotlistEntry, Samples.FullEntry());

    [Fact]
    public void ApacheAvroReadsAManifestFieldByField() => AssertConforms(AnprCodecs.HotlistBatchManifest, Samples.Manifest());

    [Fact]
    public void ApacheAvroReadsAnAlertFieldByField() => AssertConforms(AnprCodecs.Alert, Samples.FullAlert());

    [Fact]
    public void ApacheAvroReadsAnAcknowledgementFieldByField() => AssertConforms(AnprCodecs.AlertAcknowledgement, Samples.Acknowledgement());

    [Fact]
    public void ApacheAvroReadsARejectedInputFieldByField() => AssertConforms(AnprCodecs.RejectedInput, Samples.Rejected());

    [Fact]
    public void EveryAvroEnumHasTheSymbolsOfItsCSharpEnumInOrder()
    {
        var csharp = new Dictionary<string, Type>
        {
            ["HotlistCategory"] = typeof(HotlistCategory),
            ["HotlistAction"] = typeof(HotlistAction),
            ["MatchKind"] = typeof(MatchKind),
            ["HotlistEntryOperation"] = typeof(HotlistEntryOperation),
            ["HotlistPushMode"] = typeof(HotlistPushMode),
            ["AlertOutcome"] = typeof(AlertOutcome),
        };
        var seen = 0;
        foreach (var (name, _) in AnprCodecs.All)
        {
            foreach (var enumSchema in EnumsOf(SchemaCatalog.Current(name)))
            {
                var type = csharp[enumSchema.Name];
                Assert.Equal(Enum.GetNames(type).Select(SnakeCase), enumSchema.Symbols);
                seen++;
            }
        }
        Assert.Equal(8, seen);
    }

    [Fact]
    public void TheCategoryActionAndMatchKindSymbolsAreTheWordsOfTheJsonAndCsvContracts()
    {
        var entry = SchemaCatalog.Current("HotlistEntry");
        Assert.Equal(Enum.GetValues<HotlistCategory>().Select(c => c.ToWire()), ((EnumSchema)entry["category"].Schema).Symbols);
        Assert.Equal(Enum.GetValues<HotlistAction>().Select(a => a.ToWire()), ((EnumSchema)entry["action"].Schema).Symbols);
        var match = (RecordSchema)((ArraySchema)SchemaCatalog.Current("Alert")["matches"].Schema).ItemSchema;
        Assert.Equal(Enum.GetValues<MatchKind>().Select(k => k.ToWire()), ((EnumSchema)match["matchKind"].Schema).Symbols);
    }

    [Fact]
    public void EveryOptionalFieldIsANullUnionThatDefaultsToNull()
    {
        foreach (var (name, _) in AnprCodecs.All)
        {
            foreach (var field in SchemaCatalog.Current(name).Fields.Where(f => f.Schema is UnionSchema))
            {
                var union = (UnionSchema)field.Schema;
                Assert.Equal(Schema.Type.Null, union.Schemas[0].Tag);
                Assert.True(field.DefaultValue is not null && field.DefaultValue.Type == Newtonsoft.Json.Linq.JTokenType.Null, $"{name}.{field.Name} must default to null");
            }
        }
    }

    private static void AssertConforms<T>(AvroCodec<T> codec, T value)
        where T : class
    {
        var body = codec.Encode(value).AsSpan(SingleObjectEncoding.HeaderLength);
        var record = HistoricMessages.ReadGeneric(codec.Schema, codec.Schema, body);
        AssertRecordEquals(record, value, codec.RecordName);
    }

    private static void AssertRecordEquals(GenericRecord record, object value, string path)
    {
        foreach (var field in record.Schema.Fields)
        {
            var property = value.GetType().GetProperty(char.ToUpperInvariant(field.Name[0]) + field.Name[1..])
                ?? throw new Xunit.Sdk.XunitException($"{value.GetType().Name} has no property for field {path}.{field.Name}");
            AssertValueEquals(record[field.Name], property.GetValue(value), $"{path}.{field.Name}");
        }
    }

    private static void AssertValueEquals(object? avro, object? expected, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(avro is null, $"{path}: expected null, Apache.Avro read {avro}");
                break;
            case DateTimeOffset time:
                Assert.Equal(time.UtcDateTime, Assert.IsType<DateTime>(avro));
                break;
            case Enum e:
                Assert.Equal(SnakeCase(e.ToString()), Assert.IsType<GenericEnum>(avro).Value);
                break;
            case byte[] bytes:
                Assert.Equal(bytes, Assert.IsType<byte[]>(avro));
                break;
            case string or int or long or bool or double:
                Assert.Equal(expected, avro);
                break;
            case IList list:
                var items = Assert.IsType<object[]>(avro);
                Assert.Equal(list.Count, items.Length);
                for (var i = 0; i < items.Length; i++)
                {
                    AssertRecordEquals(Assert.IsType<GenericRecord>(items[i]), list[i]!, $"{path}[{i}]");
                }
                break;
            default:
                throw new Xunit.Sdk.XunitException($"{path}: no comparison for {expected.GetType()}");
        }
    }

    private static IEnumerable<EnumSchema> EnumsOf(Schema schema) => schema switch
    {
        EnumSchema e => [e],
        RecordSchema r => r.Fields.SelectMany(f => EnumsOf(f.Schema)),
        ArraySchema a => EnumsOf(a.ItemSchema),
        UnionSchema u => u.Schemas.SelectMany(EnumsOf),
        _ => [],
    };

    private static string SnakeCase(string pascal)
    {
        var text = new StringBuilder();
        foreach (var ch in pascal)
        {
            if (char.IsUpper(ch) && text.Length > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(ch));
        }
        return text.ToString();
    }
}
