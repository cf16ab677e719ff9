using Bellwether.Data.Import;
using Bellwether.Data.Tests.Import.Formats;
using Xunit;

namespace Bellwether.Data.Tests.Import;

/// <summary>Each kind of bad input is an error naming file, line and field, or a counted skip under --skip-bad.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempFolder _folder = new();
    public void Dispose() => _folder.Dispose();

    private const string Header = "date,open,high,low,close,volume,source";
    private const string Good = "2025-01-02,10,11,9,10.5,100,s";

    private string Write(string name, params string[] lines) => _folder.Write(name, string.Join('\n', lines) + "\n");

    [Theory]
    [InlineData("2025-13-02,10,11,9,10.5,100,s", "date", "is not a date")]
    [InlineData("2025-01-03,10,eleven,9,10.5,100,s", "high", "is not a number")]
    [InlineData("2025-01-03,10,11,9,NaN,100,s", "close", "NaN")]
    [InlineData("2025-01-03,10,11,9,-1,100,s", "close", "positive")]
    [InlineData("2025-01-03,0,11,9,10,100,s", "open", "positive")]
    [InlineData("2025-01-03,10,9,11,10,100,s", "high", "below low")]
    [InlineData("2025-01-03,10,11,9,10,-5,s", "volume", "negative")]
    [InlineData("2025-01-02,10,11,9,10.6,100,s", "date", "different values")]
    [InlineData("2025-01-03,10,11", "row", "expected 7 fields")]
    public void Bad_row_is_an_error_with_file_line_and_field(string badRow, string field, string reason)
    {
        var path = Write("bad_daily.csv", Header, Good, badRow, "2025-01-06,10,11,9,10.5,100,s");
        var e = Assert.Throws<ImportException>(() => Importers.Read(path, new ImportOptions()));
        Assert.Equal(path, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal(field, e.Field);
        Assert.Contains(reason, e.Message);
        Assert.StartsWith($"{path}:3: field '{field}'", e.Message);
    }

    [Fact]
    public void Skip_bad_counts_and_lists_each_skipped_row()
    {
        var path = Write("bad_daily.csv", Header, Good, "2025-01-03,10,11,9,NaN,100,s", "2025-01-06,10,9,11,10,100,s", "2025-01-07,10,11,9,10.5,100,s");
        var parsed = Importers.Read(path, new ImportOptions(SkipBad: true));
        Assert.Equal(4, parsed.RowsRead);
        Assert.Equal(2, parsed.RowsKept);
        Assert.Equal([3, 4], parsed.Skipped.Select(s => s.Line));
    }

    [Fact]
    public void Identical_duplicate_rows_are_merged_and_counted()
    {
        var path = Write("dup_daily.csv", Header, Good, Good, "2025-01-03,10,11,9,10.5,100,s");
        var parsed = Importers.Read(path, new ImportOptions());
        Assert.Equal(1, parsed.MergedDuplicates);
        Assert.Equal(2, parsed.RowsKept);
    }

    [Fact]
    public void Unknown_format_names_the_file_and_suggests_format()
    {
        var path = Write("mystery.csv", "when,what", "x,y");
        var e = Assert.Throws<ImportException>(() => Importers.Read(path, new ImportOptions()));
        Assert.Contains("--format", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Fred_dot_is_a_counted_skip_not_an_error()
    {
        var path = Write("DGS10.csv", "observation_date,DGS10", "2025-01-02,4.57", "2025-01-03,.", "2025-01-06,4.60");
        var parsed = Importers.Read(path, new ImportOptions());
        Assert.Equal("fred", parsed.Format);
        Assert.Equal(2, parsed.Series.Single().Count);
        Assert.Equal(3, Assert.Single(parsed.Skipped).Line);
    }

    [Fact]
    public void Farside_cells_parentheses_dashes_and_holiday_rows()
    {
        var path = Write("btc_flows.csv", "Date,IBIT,GBTC,Total", "2024-01-11,111.7,(95.1),16.6", "2024-01-15,-,-,-", "2024-01-16,\"1,002.5\",-,\"1,002.5\"");
        var parsed = Importers.Read(path, new ImportOptions());
        var t = parsed.Flows.Single();
        Assert.Equal([new DateOnly(2024, 1, 11), new DateOnly(2024, 1, 16)], t.Dates);
        Assert.Equal(-95.1, t.Fund("GBTC")![0]);
        Assert.True(double.IsNaN(t.Fund("GBTC")![1]));
        Assert.Equal(1002.5, t.Total[1]);
        Assert.Contains(parsed.Skipped, s => s.Line == 3 && s.Reason.Contains("holiday"));
    }
}
