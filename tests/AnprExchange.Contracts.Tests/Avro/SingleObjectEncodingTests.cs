using System.Buffers.Binary;
using AnprExchange.Contracts.Avro;
using Avro;

namespace AnprExchange.Contracts.Tests.Avro;

public sealed class SingleObjectEncodingTests
{
    [Theory]
    [MemberData(nameof(CodecCases.Names), MemberType = typeof(CodecCases))]
    public void EveryMessageStartsWithTheMarkerAndTheWriterSchemaFingerprintLittleEndian(string name)
    {
        var c = CodecCases.ByName[name];
        Assert.Equal(0xC3, c.Message[0]);
        Assert.Equal(0x01, c.Message[1]);
        Assert.Equal(c.Fingerprint, BinaryPrimitives.ReadInt64LittleEndian(c.Message.AsSpan(2, 8)));
    }

    [Fact]
    public void TheFingerprintIsTheCrc64OfTheParsingCanonicalFormOfTheSchemaFile()
    {
        var schema = Schema.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "schemas", "PlateRead.avsc")));
        Assert.Equal(SchemaNormalization.ParsingFingerprint64(schema), AnprCodecs.PlateRead.Fingerprint);
        var fingerprintBytes = SchemaNormalization.Fingerprint("CRC-64-AVRO", System.Text.Encoding.UTF8.GetBytes(SchemaNormalization.ToParsingForm(schema)));
        Assert.Equal(fingerprintBytes, AnprCodecs.PlateRead.Encode(Samples.MinimalRead())[2..10]);
    }

    [Fact]
    public void ACodecRecognizesItsOwnMessagesAndOlderVersionsButNotOtherRecordTypes()
    {
        Assert.True(AnprCodecs.PlateRead.Recognizes(CodecCases.ByName["PlateRead"].Message));
        Assert.True(AnprCodecs.PlateRead.Recognizes(CodecCases.ByName["PlateRead.v1"].Message));
        Assert.True(AnprCodecs.HotlistBatchManifest.Recognizes(CodecCases.ByName["HotlistBatchManifest"].Message));
        Assert.False(AnprCodecs.HotlistEntry.Recognizes(CodecCases.ByName["HotlistBatchManifest"].Message));
        Assert.False(AnprCodecs.PlateRead.Recognizes(CodecCases.ByName["PlateRead"].Message.AsSpan(0, 9)));
        Assert.False(AnprCodecs.PlateRead.Recognizes("{\"plate\":\"AB12\"}"u8));
    }

    [Fact]
    public void EveryRecordTypeHasItsOwnFingerprint()
    {
        var fingerprints = AnprCodecs.All.Select(c => c.Fingerprint).ToList();
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }

    [Fact]
    public void TheEmbeddedSchemasAreTheFilesInTheSchemasFolder()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "schemas"), "*.avsc", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoRoot(), file).Replace('\\', '/');
            Assert.Equal(File.ReadAllText(file), SchemaCatalog.ReadText(relative));
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AnprExchange.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
    }
}
