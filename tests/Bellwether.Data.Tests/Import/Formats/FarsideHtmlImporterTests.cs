using System.Text;
using Bellwether.Core.Flows;
using Bellwether.Data.Import;
using Bellwether.Data.Import.Formats;
using Xunit;

namespace Bellwether.Data.Tests.Import.Formats;

public sealed class FarsideHtmlImporterTests
{
    /// <summary>A flow value as Farside prints it: (95.1) for negatives, thousands separated by commas.</summary>
    private static string Cell(string raw)
    {
        bool negative = raw.StartsWith('-');
        var digits = negative ? raw[1..] : raw;
        int dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? ".0" : digits[dot..];
        for (int i = whole.Length - 3; i > 0; i -= 3) whole = whole[..i] + "," + whole[i..];
        var text = whole + fraction;
        return negative ? $"<span class=\"redFont\">({text})</span>" : text;
    }

    // The data folder writes market holidays as rows of zeros; Farside prints them as dashes.
    private static bool Holiday(RawRow r, string[] columns) => columns.All(c => r[c] == "0");

    /// <summary>A Farside page holding the rows: issuer row, ticker row, fee row, days, footer rows.</summary>
    private static string Page(List<RawRow> rows, string[] columns, params string[] extraRows)
    {
        var html = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Bitcoin ETF Flow – All Data</title></head>\n<body>\n<p>US$m</p>\n<table class=\"etf\">\n<thead>\n");
        html.Append("<tr><th></th>").Append(string.Concat(columns[..^1].Select(c => $"<th>Issuer {c}</th>"))).Append("<th></th></tr>\n");
        html.Append("<tr><th></th>").Append(string.Concat(columns.Select(c => $"<th>{c}</th>"))).Append("</tr>\n");
        html.Append("<tr><td>Fee</td>").Append(string.Concat(columns[..^1].Select(_ => "<td>0.25%</td>"))).Append("<td></td></tr>\n</thead>\n<tbody>\n");
        foreach (var r in rows)
        {
            var cells = columns.Select(c => Holiday(r, columns) ? "-" : Cell(r[c]));
            html.Append($"<tr><td>{r.Day:dd MMM yyyy}</td>").Append(string.Concat(cells.Select(c => $"<td>{c}</td>"))).Append("</tr>\n");
        }
        foreach (var extra in extraRows) html.Append(extra).Append('\n');
        html.Append("</tbody>\n<tfoot>\n");
        foreach (var label in new[] { "Total", "Average", "Maximum", "Minimum" })
            html.Append($"<tr><td>{label}</td>").Append(string.Concat(columns.Select(_ => "<td>1,234.5</td>"))).Append("</tr>\n");
        return html.Append("</tfoot>\n</table>\n</body></html>\n").ToString();
    }

    private static string[] Columns() =>
        File.ReadLines(Bellwether.TestSupport.RealData.File("flows", "btc_spot_etf_flows_daily.csv")).First().Split(',')[1..];

    private static void AssertTable(List<RawRow> rows, string[] columns, FlowTable table)
    {
        var days = rows.Where(r => !Holiday(r, columns)).ToList();
        Assert.Equal(columns[..^1], table.Funds);
        Assert.Equal(days.Select(r => r.Day), table.Dates);
        for (int f = 0; f < table.Funds.Length; f++)
            Assert.Equal(days.Select(r => r.Number(columns[f])), table.Values[f]);
        Assert.Equal(days.Select(r => r.Number("Total")), table.Total);
    }

    [Fact]
    public void BtcFlowsReadBackThroughParsedFileAndStore()
    {
        var columns = Columns();
        var rows = Fixtures.Rows("flows/btc_spot_etf_flows_daily.csv", "2024-01-11", "2024-03-28");
        Assert.Contains(rows, r => Holiday(r, columns));
        Assert.Contains(rows, r => r["Total"].StartsWith('-'));
        Assert.Contains(rows, r => Math.Abs(r.Number("Total")) >= 1000);
        var parsed = Fixtures.ReadText("btc_spot_etf_flows_daily.html", Page(rows, columns));

        Assert.Equal("farside-html", parsed.Format);
        var table = Assert.Single(parsed.Flows);
        Assert.Equal("BTC_SPOT_ETF_FLOWS", table.Instrument.Id);
        AssertTable(rows, columns, table);
        AssertTable(rows, columns, Fixtures.FlowsThroughStore(parsed, "BTC_SPOT_ETF_FLOWS"));
        int holidays = rows.Count(r => Holiday(r, columns));
        Assert.Equal(holidays, parsed.Skipped.Count(s => s.Field == "row" && s.Reason.Contains("holiday")));
        Assert.Equal(4, parsed.Skipped.Count(s => s.Reason.StartsWith("summary row")));
        Assert.Equal(rows.Count + 4, parsed.RowsRead);
        Assert.Contains(parsed.Notes, n => n.Contains("3 rows above the first date"));
    }

    [Fact]
    public void SameRowsAsCsvGiveTheSameTable()
    {
        // The CSV importer and the page importer share their cell and row rules: a Farside-style CSV of the same
        // days (dashes for holidays, parenthesised negatives) must give the very table the page gives.
        var columns = Columns();
        var rows = Fixtures.Rows("flows/btc_spot_etf_flows_daily.csv", "2024-01-11", "2024-02-29");
        var csv = new StringBuilder("Date," + string.Join(',', columns) + "\n");
        foreach (var r in rows)
            csv.Append($"{r.Day:dd MMM yyyy},").Append(string.Join(',', columns.Select(c => Holiday(r, columns) ? "-" : $"\"{Cell(r[c]).Replace("<span class=\"redFont\">", "").Replace("</span>", "")}\""))).Append('\n');
        var fromCsv = Fixtures.ReadText("btc_spot_etf_flows_daily.csv", csv.ToString()).Flows[0];
        var fromPage = Fixtures.ReadText("btc_spot_etf_flows_daily.html", Page(rows, columns)).Flows[0];
        AssertTable(rows, columns, fromCsv);
        AssertTable(rows, columns, fromPage);
    }

    [Theory]
    [InlineData("Bitcoin ETF Flow – All Data – Farside Investors", "BITCOIN_ETF_FLOW_ALL_DATA_FARSIDE_INVESTORS")]
    [InlineData("btc_spot_etf_flows_daily", "BTC_SPOT_ETF_FLOWS")]
    [InlineData("eth-flows", "ETH_FLOWS")]
    public void IdFromFileStem(string stem, string id) => Assert.Equal(id, FarsideHtmlImporter.IdOf(stem));

    private const string Header = "<table>\n<tr><th></th><th>IBIT</th><th>FBTC</th><th>Total</th></tr>\n<tr><td>11 Jan 2024</td><td>111.7</td><td>227.0</td><td>338.7</td></tr>\n";

    [Theory]
    [InlineData("<tr><td>12 Jan 2024</td><td>386.0</td><td>19x5.3</td><td>581.3</td></tr>", "FBTC", "not a flow")]
    [InlineData("<tr><td>32 Jan 2024</td><td>386.0</td><td>195.3</td><td>581.3</td></tr>", "date", "not a date")]
    [InlineData("<tr><td>12 Jan 2024</td><td>NaN</td><td>195.3</td><td>581.3</td></tr>", "IBIT", "NaN")]
    [InlineData("<tr><td>11 Jan 2024</td><td>111.7</td><td>227.0</td><td>(338.7)</td></tr>", "date", "appears again")]
    [InlineData("<tr><td>12 Jan 2024</td><td>386.0</td><td>581.3</td></tr>", "row", "expected 4 cells")]
    public void Failures(string badRow, string field, string reason)
    {
        Fixtures.AssertFails("flows.html", $"<html><body>\n{Header}{badRow}\n</table></body></html>", 5, field, reason);
    }

    [Fact]
    public void PageWithoutFlowTableIsRefusedWhenForced()
    {
        using var folder = new TempFolder();
        var path = folder.Write("page.html", "<html><body><table><tr><td>a</td></tr></table></body></html>");
        Assert.Null(Importers.Detect(Importers.Probe(path, File.ReadAllBytes(path))));
        var e = Assert.Throws<ImportException>(() => Fixtures.Read(path, format: "farside-html"));
        Assert.Equal("table", e.Field);
    }
}
