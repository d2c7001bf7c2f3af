using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Hotlists.Csv;
using CsCheck;

namespace AnprExchange.Hotlists.Tests.Csv;

public sealed class HotlistCsvWriterTests
{
    private static readonly Gen<string> GenPlate = Gen.Select(Gen.Char["ABCXYZ0189"].Array[1, 8], Gen.Int[0, 3], (chars, wildcard) =>
    {
        var plate = new string(chars);
        return wildcard switch
        {
            1 => "*" + plate,
            2 => "?" + plate[1..] + (plate.Length == 1 ? "A" : ""),
            3 => plate + "*",
            _ => plate,
        };
    });

    private static readonly Gen<string?> GenText = Gen.Char["ab ,\"\n\u00e9\u00fc\u20acXZ;'"].Array[0, 20]
        .Select(c => new string(c).Trim() is { Length: > 0 } s ? s : null);

    private static readonly Gen<(DateTimeOffset? From, DateTimeOffset? Until)> GenWindow = Gen.Select(Gen.Int[0, 3], Gen.Long[0, 4_000_000_000_000], Gen.Long[1, 100_000_000_000],
        (kind, from, length) => kind switch
        {
            0 => ((DateTimeOffset?)null, (DateTimeOffset?)null),
            1 => (DateTimeOffset.FromUnixTimeMilliseconds(from), null),
            2 => (null, DateTimeOffset.FromUnixTimeMilliseconds(from)),
            _ => (DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(from + length)),
        });

    private static readonly Gen<HotlistEntryRecord> GenUpsert = Gen.Select(GenPlate, Gen.OneOfConst<string?>(null, "BE", "NL"),
        Gen.Enum<HotlistCategory>(), Gen.Enum<HotlistAction>(), Gen.Int[0, 100], GenWindow, Gen.Bool, Gen.Select(GenText, GenText),
        (plate, country, category, action, priority, window, covert, texts) => new HotlistEntryRecord
        {
            BatchId = "",
            Sequence = 0,
            Operation = HotlistEntryOperation.Upsert,
            SourceCountry = "BE",
            List = "l",
            EntryId = "",
            Plate = plate,
            PlateCountry = country,
            Category = category,
            Action = action,
            Priority = priority,
            ValidFrom = window.From,
            ValidUntil = window.Until,
            Covert = covert,
            Reference = texts.Item1,
            Remarks = texts.Item2,
        });

    private static readonly Gen<HotlistEntryRecord> GenEntry = Gen.Frequency(
        (9, GenUpsert),
        (1, Gen.Const(new HotlistEntryRecord
        {
            BatchId = "",
            Sequence = 0,
            Operation = HotlistEntryOperation.Delete,
            SourceCountry = "BE",
            List = "l",
            EntryId = "",
            Plate = "",
        })));

    [Fact]
    public void WhatTheWriterWritesTheReaderReadsBackUnchanged()
    {
        Gen.Select(GenEntry.Array[0, 30], Gen.Char["abcXYZ019-_. ,\""].Array[1, 6]).Sample(sample =>
        {
            var (generated, idChars) = sample;
            var idStem = new string(idChars).Trim() is { Length: > 0 } s ? s : "x";
            var entries = generated.Select((e, i) => e with { EntryId = $"{idStem}{i}", Sequence = i }).ToArray();
            var text = new StringWriter();

            HotlistCsvWriter.Write(text, entries);
            var read = HotlistCsvReader.Read(new StringReader(text.ToString()), "BE", "l", new HotlistCsvReadOptions { Mode = HotlistPushMode.Delta });

            return read.Errors.Count == 0 && read.Entries.SequenceEqual(entries);
        }, iter: 300);
    }

    [Fact]
    public void TheOpColumnIsWrittenOnlyWhenThereAreDeletes()
    {
        var text = new StringWriter();

        HotlistCsvWriter.Write(text, [TestBatches.Entry("e1")]);

        Assert.StartsWith("entry_id,plate,plate_country,category,action,priority,valid_from,valid_until,covert,reference,remarks\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("2026-01-01T00:00:00.1234567Z", text.ToString(), StringComparison.Ordinal);
    }
}
