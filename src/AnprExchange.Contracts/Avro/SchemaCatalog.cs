using System.Reflection;
using Avro;

namespace AnprExchange.Contracts.Avro;

/// <summary>
/// The .avsc files of schemas/, embedded in this assembly (see the csproj) as "schemas/&lt;Name&gt;.avsc" and
/// "schemas/history/&lt;Name&gt;.v&lt;n&gt;.avsc". They are the only copy of each schema; nothing is restated in C#.
/// </summary>
public static class SchemaCatalog
{
    public const string Namespace = "eu.benelux.anpr";

    private static readonly Assembly Self = typeof(SchemaCatalog).Assembly;

    /// <summary>The current schema of a record, e.g. "PlateRead".</summary>
    public static RecordSchema Current(string recordName) => ParseRecord($"schemas/{recordName}.avsc", recordName);

    /// <summary>Older schemas of a record from schemas/history, oldest first.</summary>
    public static IReadOnlyList<RecordSchema> History(string recordName)
    {
        var prefix = $"schemas/history/{recordName}.v";
        return Self.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".avsc", StringComparison.Ordinal))
            .OrderBy(name => int.TryParse(name.AsSpan(prefix.Length, name.Length - prefix.Length - ".avsc".Length), out var v) ? v : int.MaxValue)
            .Select(name => ParseRecord(name, recordName))
            .ToArray();
    }

    /// <summary>Text of an embedded schema file, e.g. "schemas/PlateRead.avsc".</summary>
    public static string ReadText(string resourceName)
    {
        using var stream = Self.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"schema resource '{resourceName}' is not embedded in {Self.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static RecordSchema ParseRecord(string resourceName, string recordName)
    {
        var schema = Schema.Parse(ReadText(resourceName)) as RecordSchema
            ?? throw new InvalidOperationException($"{resourceName} is not an Avro record schema");
        if (schema.Fullname != $"{Namespace}.{recordName}")
        {
            throw new InvalidOperationException($"{resourceName} defines {schema.Fullname}, expected {Namespace}.{recordName}");
        }
        return schema;
    }
}
