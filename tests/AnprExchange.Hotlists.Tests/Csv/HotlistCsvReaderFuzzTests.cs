using AnprExchange.Hotlists.Csv;
using CsCheck;

namespace AnprExchange.Hotlists.Tests.Csv;

public sealed class HotlistCsvReaderFuzzTests
{
    /// <summary>Whatever the bytes, the reader reports errors with plausible lines; it never throws.</summary>
    [Fact]
    public void AnyTextGivesEntriesOrErrorsButNeverAnException()
    {
        var header = Gen.OneOfConst("entry_id,plate,category,action", "op,entry_id,plate,category,action,valid_from,valid_until,remarks", "plate,entry_id", "");
        var body = Gen.Char["ab1?*,\"\r\n \t-#\uFEFF\uFFFD\u00e9Z"].Array[0, 200].Select(c => new string(c));
        Gen.Select(header, body).Sample(sample =>
        {
            var text = sample.Item1 + "\n" + sample.Item2;
            var result = HotlistCsvReader.Read(new StringReader(text), "BE", "l");
            var lines = text.Count(c => c == '\n') + text.Count(c => c == '\r') + 1;
            return result.Errors.All(e => e.Line >= 1 && e.Line <= lines && e.Message.Length > 0)
                && result.Entries.Count <= result.RowCount;
        }, iter: 2000);
    }
}
