using Avro;

namespace AnprExchange.Contracts.Avro;

/// <summary>
/// Walks an Avro binary body against a writer schema without building anything, checking every length, count,
/// union branch and enum index against the schema and the bytes that are left (an array block may hold
/// at most as many items as bytes are left, so arrays of zero-byte items are bounded too). Run before Apache.Avro's resolving
/// reader gets older-schema data, so that reader never sees a length it would allocate for blindly.
/// </summary>
internal static class AvroBodyValidator
{
    private const int MaxDepth = 64;

    public static void Validate(Schema schema, ReadOnlySpan<byte> body, string record)
    {
        var reader = new AvroReader(body, record);
        Skip(schema, ref reader, schema.Name, 0);
        reader.EnsureEnd();
    }

    private static void Skip(Schema schema, ref AvroReader reader, string field, int depth)
    {
        if (depth > MaxDepth)
        {
            throw reader.Malformed(field, $"nesting deeper than {MaxDepth}");
        }
        switch (schema)
        {
            case LogicalSchema logical:
                Skip(logical.BaseSchema, ref reader, field, depth + 1);
                break;
            case RecordSchema recordSchema:
                foreach (var f in recordSchema.Fields)
                {
                    Skip(f.Schema, ref reader, f.Name, depth + 1);
                }
                break;
            case EnumSchema enumSchema:
                reader.ReadEnum(field, enumSchema.Count);
                break;
            case ArraySchema array:
                SkipBlocks(array.ItemSchema, ref reader, field, depth, isMap: false);
                break;
            case MapSchema map:
                SkipBlocks(map.ValueSchema, ref reader, field, depth, isMap: true);
                break;
            case UnionSchema union:
                Skip(union.Schemas[reader.ReadUnionIndex(field, union.Count)], ref reader, field, depth + 1);
                break;
            case FixedSchema fixedSchema:
                reader.Skip(field, fixedSchema.Size, "fixed");
                break;
            default:
                SkipPrimitive(schema.Tag, ref reader, field);
                break;
        }
    }

    private static void SkipBlocks(Schema item, ref AvroReader reader, string field, int depth, bool isMap)
    {
        int count;
        while ((count = reader.ReadBlockCount(field, minItemSize: 1)) != 0)
        {
            for (var i = 0; i < count; i++)
            {
                if (isMap)
                {
                    reader.SkipLengthPrefixed(field);
                }
                Skip(item, ref reader, field, depth + 1);
            }
        }
    }

    private static void SkipPrimitive(Schema.Type tag, ref AvroReader reader, string field)
    {
        switch (tag)
        {
            case Schema.Type.Null:
                break;
            case Schema.Type.Boolean:
                reader.ReadBoolean(field);
                break;
            case Schema.Type.Int:
                reader.ReadInt(field);
                break;
            case Schema.Type.Long:
                reader.ReadLong(field);
                break;
            case Schema.Type.Float:
                reader.ReadFloat(field);
                break;
            case Schema.Type.Double:
                reader.ReadDouble(field);
                break;
            case Schema.Type.String:
            case Schema.Type.Bytes:
                reader.SkipLengthPrefixed(field);
                break;
            default:
                throw reader.Malformed(field, $"unsupported schema type {tag}");
        }
    }
}
