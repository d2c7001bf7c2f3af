using System.Text;
using AnprExchange.Core.Hotlists;

namespace AnprExchange.Benchmarks.Hotlists;

/// <summary>Deterministic synthetic hotlists and reads: 7-character plates over A–Z0–9, ~2 % of reads on the list.</summary>
public static class HotlistData
{
    public static readonly DateTimeOffset ReadTime = new(2026, 12, 4, 10, 15, 30, TimeSpan.Zero);
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string[] Plates(int count, int seed = 1)
    {
        var random = new Random(seed);
        var seen = new HashSet<string>(count);
        var plates = new string[count];
        var buffer = new char[7];
        for (var i = 0; i < count;)
        {
            for (var k = 0; k < buffer.Length; k++)
            {
                buffer[k] = Alphabet[random.Next(Alphabet.Length)];
            }
            var plate = new string(buffer);
            if (seen.Add(plate))
            {
                plates[i++] = plate;
            }
        }
        return plates;
    }

    public static IEnumerable<HotlistEntry> Entries(string[] plates)
    {
        string[] lists = ["stolen", "wanted", "sis"];
        string[] countries = ["BE", "NL", "LU"];
        for (var i = 0; i < plates.Length; i++)
        {
            yield return new HotlistEntry
            {
                SourceCountry = countries[i % 3],
                List = lists[i % 3],
                EntryId = "E" + i.ToString("D8"),
                Plate = plates[i],
                Category = (HotlistCategory)(i % 9),
                Action = (HotlistAction)(i % 4),
                Priority = i % 101,
                ValidFrom = i % 5 == 0 ? ReadTime.AddDays(-30) : null,
                ValidUntil = i % 7 == 0 ? ReadTime.AddDays(30) : null,
                Reference = i % 2 == 0 ? "REF-" + i : null,
            };
        }
    }

    /// <summary>Reads as the UTF-8 bytes of the plate as cameras send it ("1-ABC-234"), ~2 % of them on the list.</summary>
    public static byte[][] Reads(string[] plates, int count, double hitRate = 0.02, int seed = 2)
    {
        var random = new Random(seed);
        var misses = Plates(count, seed + 100);
        var reads = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var plate = random.NextDouble() < hitRate ? plates[random.Next(plates.Length)] : misses[i];
            reads[i] = Encoding.UTF8.GetBytes($"{plate[..1]}-{plate[1..4]}-{plate[4..]}");
        }
        return reads;
    }
}
