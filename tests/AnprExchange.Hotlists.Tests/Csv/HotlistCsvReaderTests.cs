using System.Text;
using AnprExchange.Contracts.Records;
using AnprExchange.Core.Hotlists;
using AnprExchange.Hotlists.Csv;

namespace AnprExchange.Hotlists.Tests.Csv;

public sealed class HotlistCsvReaderTests
{
    [Fact]
    public void EveryColumnIsReadIntoTheEntry()
    {
        var result = HotlistCsv.Lines(
            "entry_id,plate,plate_country,category,action,priority,valid_from,valid_until,covert,reference,remarks",
            "e1,1-abc-123,nl,stolen_vehicle,stop,7,2026-01-01T08:00:00+01:00,2026-12-31T23:59:59Z,true,PV-2026-1,grey Volvo");

        Assert.Empty(result.Errors);
        var entry = Assert.Single(result.Entries);
        Assert.Equal("", entry.BatchId);
        Assert.Equal(0, entry.Sequence);
        Assert.Equal(HotlistEntryOperation.Upsert, entry.Operation);
        Assert.Equal("BE", entry.SourceCountry);
        Assert.Equal("stolen", entry.List);
        Assert.Equal("e1", entry.EntryId);
        Assert.Equal("1ABC123", entry.Plate);
        Assert.Equal("NL", entry.PlateCountry);
        Assert.Equal(HotlistCategory.StolenVehicle, entry.Category);
        Assert.Equal(HotlistAction.Stop, entry.Action);
        Assert.Equal(7, entry.Priority);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 7, 0, 0, TimeSpan.Zero), entry.ValidFrom);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero), entry.ValidUntil);
        Assert.True(entry.Covert);
        Assert.Equal("PV-2026-1", entry.Reference);
        Assert.Equal("grey Volvo", entry.Remarks);
        Assert.False(result.HasDeletes);
        Assert.Equal(1, result.RowCount);
    }

    [Fact]
    public void OptionalColumnsTakeTheirDefaults()
    {
        var entry = Assert.Single(HotlistCsv.Lines(HotlistCsv.Header, "e1,AB123,other,observe").Entries);

        Assert.Null(entry.PlateCountry);
        Assert.Equal(50, entry.Priority);
        Assert.Null(entry.ValidFrom);
        Assert.Null(entry.ValidUntil);
        Assert.False(entry.Covert);
        Assert.Null(entry.Reference);
        Assert.Null(entry.Remarks);
    }

    [Fact]
    public void ColumnsMayComeInAnyOrderAndHeaderCase()
    {
        var result = HotlistCsv.Lines("Action,REMARKS,plate,Category,entry_id", "seize,x,xy-12-zz,sis_seizure,e9");

        var entry = Assert.Single(result.Entries);
        Assert.Equal(("e9", "XY12ZZ", HotlistCategory.SisSeizure, HotlistAction.Seize, "x"),
            (entry.EntryId, entry.Plate, entry.Category, entry.Action, entry.Remarks));
    }

    [Fact]
    public void QuotedFieldsFollowRfc4180()
    {
        var result = HotlistCsv.Read(
            "entry_id,plate,category,action,remarks\r\n" +
            "\"e,1\",\"AB 12\",stolen_plate,check,\"said \"\"hello\"\", then\r\nleft\"\r\n" +
            "e2,CD34,stolen_plate,check,plain\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Entries.Count);
        Assert.Equal("e,1", result.Entries[0].EntryId);
        Assert.Equal("AB12", result.Entries[0].Plate);
        Assert.Equal("said \"hello\", then\r\nleft", result.Entries[0].Remarks);
    }

    [Fact]
    public void LineNumbersCountPhysicalLinesInsideQuotedFieldsAndBlankLines()
    {
        var result = HotlistCsv.Read(
            "entry_id,plate,category,action,remarks\n" +
            "e1,AB12,other,check,\"two\nlines\"\n" +
            "\n" +
            "e2,AB13,nonsense,check,\"three\nmore\nlines\"\n" +
            "e3,AB14,other,nonsense,x\n");

        Assert.Equal(
            [new HotlistCsvError(5, "category", ""), new HotlistCsvError(8, "action", "")],
            result.Errors.Select(e => e with { Message = "" }));
    }

    [Fact]
    public void LineNumbersAreRightWithCrLfLineEndsAndBlankLinesBeforeTheHeader()
    {
        var result = HotlistCsv.Read("\r\n\r\nentry_id,plate,category,action,bogus\r\ne1,AB12,other,check,\r\n\r\ne2,AB13,other,nope,\r\n");

        Assert.Equal([(3, "bogus"), (6, "action")], result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void AByteOrderMarkIsIgnored()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("entry_id,plate,category,action\ne1,AB12,other,check\n")).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);

        var result = HotlistCsvReader.Read(reader, "NL", "national");

        Assert.Empty(result.Errors);
        Assert.Single(result.Entries);
    }

    [Fact]
    public void AFileWithABomIsReadAndInvalidUtf8IsReportedAtItsField()
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = Encoding.UTF8.GetPreamble()
                .Concat(Encoding.UTF8.GetBytes("entry_id,plate,category,action,remarks\ne1,AB12,other,check,caf\u00e9\ne2,AB13,other,check,"))
                .Concat(new byte[] { 0xC3, 0x28, (byte)'\n' })
                .ToArray();
            File.WriteAllBytes(path, bytes);

            var result = HotlistCsvFile.Read(path, "BE", "l", new HotlistCsvReadOptions());

            Assert.Equal("caf\u00e9", result.Entries[0].Remarks);
            var error = Assert.Single(result.Errors);
            Assert.Equal((3, "remarks"), (error.Line, error.Column));
            Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AByteOrderMarkLeftInTheTextIsIgnoredToo()
    {
        var result = HotlistCsv.Read("\uFEFFentry_id,plate,category,action\ne1,AB12,other,check\n");

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void EveryBadRowIsReportedWithItsLineAndColumnNotJustTheFirst()
    {
        var result = HotlistCsv.Lines(
            "entry_id,plate,plate_country,category,action,priority,valid_from,valid_until,covert",
            "e1,AB 12,BE,other,check,1,,,",               // 2 ok
            ",AB13,BE,other,check,1,,,",                   // 3 entry_id missing
            "e3,AB#14,BE,other,check,1,,,",                // 4 plate bad character
            "e4,AB15,BEL,other,check,1,,,",                // 5 country
            "e5,AB16,BE,stolen_bike,check,1,,,",           // 6 category
            "e6,AB17,BE,other,arrest,1,,,",                // 7 action
            "e7,AB18,BE,other,check,101,,,",               // 8 priority out of range
            "e8,AB19,BE,other,check,-1,,,",                // 9 priority negative
            "e9,AB20,BE,other,check,1,yesterday,,",        // 10 valid_from
            "e10,AB21,BE,other,check,1,,2026-13-01,",      // 11 valid_until
            "e11,AB22,BE,other,check,1,2026-02-01,2026-01-01,", // 12 unordered
            "e12,AB23,BE,other,check,1,,,yes",             // 13 covert
            "e13,,BE,other,check,1,,,",                    // 14 plate missing
            "e14,ABCDEFGHIJKLM,BE,other,check,1,,,",       // 15 plate too long
            "e15,AB24,BE,,,1,,,",                          // 16 category and action missing
            "e16,AB25,BE,other,check,1,,,,extra");         // 17 field count

        Assert.Equal(
        [
            (3, "entry_id"), (4, "plate"), (5, "plate_country"), (6, "category"), (7, "action"), (8, "priority"),
            (9, "priority"), (10, "valid_from"), (11, "valid_until"), (12, "valid_until"), (13, "covert"), (14, "plate"),
            (15, "plate"), (16, "category"), (16, "action"), (17, ""),
        ], result.Errors.Select(e => (e.Line, e.Column)));
        Assert.Equal(["e1"], result.Entries.Select(e => e.EntryId));
        Assert.Equal(16, result.RowCount);
        Assert.False(result.IsValid);
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Fact]
    public void ADuplicateEntryIdNamesTheLineThatFirstUsedIt()
    {
        var result = HotlistCsv.Lines(HotlistCsv.Header, "e1,AB12,other,check", "e2,AB13,other,check", "e1,AB14,other,check");

        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "entry_id"), (error.Line, error.Column));
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownColumnIsAnErrorNamingIt()
    {
        var result = HotlistCsv.Lines("entry_id,plate,category,action,valid_untill", "e1,AB12,other,check,2026-01-01");

        var error = Assert.Single(result.Errors);
        Assert.Equal((1, "valid_untill"), (error.Line, error.Column));
        Assert.Contains("valid_untill", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingAndDuplicateHeaderColumnsAreErrorsOnLineOne()
    {
        var result = HotlistCsv.Lines("entry_id,plate,plate,action", "e1,AB12,AB12,check");

        Assert.Equal([(1, "plate"), (1, "category")], result.Errors.Select(e => (e.Line, e.Column)));
    }

    [Fact]
    public void AnEmptyFileNeedsAHeader()
    {
        var error = Assert.Single(HotlistCsv.Read("").Errors);

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void AHeaderWithoutRowsIsAValidEmptyList()
    {
        var result = HotlistCsv.Read(HotlistCsv.Header + "\n");

        Assert.True(result.IsValid);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void AStrayQuoteIsReportedOnItsLine()
    {
        var result = HotlistCsv.Lines(HotlistCsv.Header, "e1,AB12,other,check", "e2,\"AB13\"x,other,check");

        Assert.Contains(result.Errors, e => e.Line == 3 && e.Message.Contains("quot", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ab-12-?d", "AB12?D")]
    [InlineData("*123", "*123")]
    [InlineData("1-ABC-**", "1ABC*")]
    [InlineData("?B*1", "?B*1")]
    public void WildcardPlatesKeepTheirWildcardsAndNormaliseTheRest(string typed, string expected)
    {
        var entry = Assert.Single(HotlistCsv.Lines(HotlistCsv.Header, $"e1,{typed},other,check").Entries);

        Assert.Equal(expected, entry.Plate);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("**")]
    [InlineData("?*?")]
    [InlineData("AB*#1")]
    [InlineData("???????????AB")]
    public void WildcardPatternsWithoutFixedCharactersOrTooLongAreRejected(string typed)
    {
        var error = Assert.Single(HotlistCsv.Lines(HotlistCsv.Header, $"e1,{typed},other,check").Errors);

        Assert.Equal((2, "plate"), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-03-01T00:00:00Z")]
    [InlineData("2026-03-01T10:15Z", "2026-03-01T10:15:00Z")]
    [InlineData("2026-03-01T10:15:30.250+02:00", "2026-03-01T08:15:30.25Z")]
    [InlineData("2026-03-01t10:15:30z", "2026-03-01T10:15:30Z")]
    [InlineData("2026-03-01T00:30:00-01:30", "2026-03-01T02:00:00Z")]
    [InlineData("2024-02-29T23:59:59.9999999Z", "2024-02-29T23:59:59.9999999Z")]
    public void ValidFromAcceptsIso8601DatesAndDateTimesWithOffset(string text, string expected)
    {
        var entry = Assert.Single(HotlistCsv.Lines("entry_id,plate,category,action,valid_from", $"e1,AB12,other,check,{text}").Entries);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), entry.ValidFrom);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("2026-1-01")]
    [InlineData("2026-01-01T24:00Z")]
    [InlineData("2026-01-01T10:00:60Z")]
    [InlineData("2026-01-01T10:00+15:00")]
    [InlineData("2026-01-01T10:00:00.Z")]
    [InlineData("2026-01-01T10:00:00.12345678Z")]
    [InlineData("2026-01-01 10:00:00Z")]
    [InlineData("2026-01-01T10:00:00ZZ")]
    [InlineData("01/02/2026")]
    public void MalformedDatesAreRejected(string text)
    {
        var error = Assert.Single(HotlistCsv.Lines("entry_id,plate,category,action,valid_from", $"e1,AB12,other,check,{text}").Errors);

        Assert.Equal((2, "valid_from"), (error.Line, error.Column));
    }

    [Fact]
    public void ABareValidUntilDateIncludesThatWholeDay()
    {
        var entry = Assert.Single(HotlistCsv.Lines("entry_id,plate,category,action,valid_from,valid_until",
            "e1,AB12,other,check,2026-03-01,2026-03-01").Entries);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), entry.ValidUntil);
    }

    [Fact]
    public void ADateTimeWithoutOffsetIsRejectedAsAmbiguous()
    {
        var error = Assert.Single(HotlistCsv.Lines("entry_id,plate,category,action,valid_from", "e1,AB12,other,check,2026-03-01T10:00:00").Errors);

        Assert.Contains("offset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeleteRowsNeedOnlyTheEntryIdAndAreFlagged()
    {
        var result = HotlistCsv.Lines("op,entry_id,plate,category,action", "delete,e1,,,", "UPSERT,e2,AB12,other,check", ",e3,AB13,other,check");

        Assert.Empty(result.Errors);
        Assert.True(result.HasDeletes);
        Assert.Equal([HotlistEntryOperation.Delete, HotlistEntryOperation.Upsert, HotlistEntryOperation.Upsert], result.Entries.Select(e => e.Operation));
        Assert.Equal("", result.Entries[0].Plate);
        Assert.Equal([0, 1, 2], result.Entries.Select(e => e.Sequence));
    }

    [Fact]
    public void FullModeRefusesDeleteRows()
    {
        var result = HotlistCsv.Read("op,entry_id,plate,category,action\ndelete,e1,,,\nupsert,e2,AB12,other,check\n", HotlistPushMode.Full);

        var error = Assert.Single(result.Errors);
        Assert.Equal((2, "op"), (error.Line, error.Column));
    }

    [Fact]
    public void AnUnknownOperationIsAnError()
    {
        var error = Assert.Single(HotlistCsv.Lines("op,entry_id,plate,category,action", "remove,e1,AB12,other,check").Errors);

        Assert.Equal((2, "op"), (error.Line, error.Column));
    }

    [Fact]
    public void ProgressIsReportedEveryIntervalRows()
    {
        var text = new StringBuilder(HotlistCsv.Header + "\n");
        for (var i = 0; i < 25; i++)
        {
            text.Append($"e{i},AB{i},other,check\n");
        }
        var seen = new List<int>();

        HotlistCsvReader.Read(new StringReader(text.ToString()), "BE", "l", new HotlistCsvReadOptions { Progress = seen.Add, ProgressInterval = 10 });

        Assert.Equal([10, 20], seen);
    }

    [Theory]
    [InlineData("B", "list")]
    [InlineData("be", "list")]
    [InlineData("BE", "")]
    [InlineData("BE", "a list")]
    public void AnInvalidCountryOrListNameIsRefused(string country, string list)
    {
        Assert.Throws<ArgumentException>(() => HotlistCsvReader.Read(new StringReader(HotlistCsv.Header), country, list));
    }
}
