using AnprExchange.Core.Hotlists;
using AnprExchange.Core.Index;
using static AnprExchange.Core.Tests.Index.Entries;

namespace AnprExchange.Core.Tests.Index;

public class HotlistIndexSnapshotTests
{
    private static HotlistIndex Sample()
    {
        var index = HotlistIndex.Build([
            Entry("e1", "1-ABC-123", reference: "PV 1") with { Remarks = "grey Volvo", PlateCountry = "BE", Covert = true },
            Entry("e2", "AB-123-C", list: "wanted", priority: 3, from: Noon.AddDays(-1), until: Noon.AddDays(1)),
            Entry("w1", "XY*", country: "LU"),
            Entry("gone", "ZZ999"),
        ]);
        index.Delete(new HotlistId("NL", "stolen"), "gone");
        index.SetOcrTolerance(new HotlistId("NL", "wanted"), 2);
        return index;
    }

    private static byte[] Save(HotlistIndex index)
    {
        using var stream = new MemoryStream();
        HotlistIndexSnapshot.Save(index, stream);
        return stream.ToArray();
    }

    [Fact]
    public void ASavedIndexLoadsBackWithTheSameEntriesListsAndMatches()
    {
        var index = Sample();
        var loaded = HotlistIndexSnapshot.Load(new MemoryStream(Save(index)));
        Assert.Equal(index.GetEntries().OrderBy(e => e.EntryId), loaded.GetEntries().OrderBy(e => e.EntryId));
        Assert.Equal(index.GetLists(), loaded.GetLists());
        Assert.Equal(3, loaded.Count);
        Assert.Equal([("e2", MatchKind.OcrEquivalent)], loaded.Match("A8-I23-C"));
        Assert.Equal([("w1", MatchKind.Wildcard)], loaded.Match("XY1"));
        Assert.Empty(loaded.Match("ZZ999"));
    }

    [Fact]
    public void ASnapshotFileRoundTripsThroughTheFileSystem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"anpr-index-{Guid.NewGuid():N}.snap");
        try
        {
            HotlistIndexSnapshot.Save(Sample(), path);
            Assert.Equal(3, HotlistIndexSnapshot.Load(path).Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void EveryTruncationIsRefused()
    {
        var bytes = Save(Sample());
        for (var length = 0; length < bytes.Length; length++)
        {
            var e = Assert.Throws<HotlistSnapshotException>(() => HotlistIndexSnapshot.Load(new MemoryStream(bytes[..length])));
            Assert.NotEmpty(e.Message);
        }
    }

    [Fact]
    public void EveryFlippedByteIsRefused()
    {
        var bytes = Save(Sample());
        for (var position = 0; position < bytes.Length; position++)
        {
            var corrupt = (byte[])bytes.Clone();
            corrupt[position] ^= 0x24;
            Assert.Throws<HotlistSnapshotException>(() => HotlistIndexSnapshot.Load(new MemoryStream(corrupt)));
        }
    }

    [Fact]
    public void AnotherFormatVersionIsRefusedByName()
    {
        var bytes = Save(Sample());
        bytes[8] = 99;
        var e = Assert.Throws<HotlistSnapshotException>(() => HotlistIndexSnapshot.Load(new MemoryStream(bytes)));
        Assert.Contains("version 99", e.Message, StringComparison.Ordinal);
    }
}
