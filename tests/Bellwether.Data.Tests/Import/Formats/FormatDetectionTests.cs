using Bellwether.Data.Import;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Import.Formats;

public sealed class FormatDetectionTests
{
    private const long Jan1 = 1_704_067_200_000, Day = 86_400_000;

    /// <summary>A small file of each export format, its name, and the importer that must recognise it.</summary>
    public static TheoryData<string, string, string> Exports => new()
    {
        { "^RUT.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2021-11-08,2430.1,2458.9,2425.3,2442.74,2442.74,0\n", "yahoo-csv" },
        { "BTC-USD.csv", "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-01,null,null,null,null,null,null\n", "yahoo-csv" },
        { "^rut_d.csv", "Date,Open,High,Low,Close,Volume\n2021-11-08,2430.1,2458.9,2425.3,2442.74,0\n", "stooq-csv" },
        { "^rut_d.csv", "Date,Open,High,Low,Close\n2021-11-08,2430.1,2458.9,2425.3,2442.74\n", "stooq-csv" },
        { "spy_us_d.csv", "Exceeded the daily hits limit", "stooq-csv" },
        { "spy.us.txt", "<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>\nSPY.US,D,20240102,000000,472.16,473.67,470.49,472.65,123623700,0\n", "stooq-bulk" },
        { "BTCUSDT-1d-2024-01.csv", $"{Jan1},42283.58,44184.1,42180.77,44179.55,27174.29903,{Jan1 + Day - 1},1,2,3,4,0\n", "binance-klines" },
        { "BTCUSDT-1d-2025-01.csv", $"{Jan1 * 1000},42283.58,44184.1,42180.77,44179.55,27174.29903,{(Jan1 + Day) * 1000 - 1},1,2,3,4,0\n", "binance-klines" },
        { "BTCUSDT-1d-2024-02.csv", $"open_time,open,high,low,close,volume,close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n{Jan1},1,2,1,2,5,{Jan1 + Day - 1},1,2,3,4,0\n", "binance-klines" },
        { "BTCUSDT.json", $"[[{Jan1},\"42283.58\",\"44184.1\",\"42180.77\",\"44179.55\",\"27174.3\",{Jan1 + Day - 1},\"0\",1,\"0\",\"0\",\"0\"]]", "binance-klines" },
        { "ETHUSDT.json", $"[\n  [\n    {Jan1},\n    \"1\",\"2\",\"1\",\"2\",\"5\",{Jan1 + Day - 1},\"0\",1,\"0\",\"0\",\"0\"\n  ]\n]", "binance-klines" },
        { "BTC.json", $"{{\"prices\":[[{Jan1},42000.1]],\"market_caps\":[[{Jan1},8.2e11]],\"total_volumes\":[[{Jan1},1.5e10]]}}", "coingecko-market-chart" },
        { "bitcoin.json", $"{{\n  \"prices\": [\n    [{Jan1}, 42000.1]\n  ]\n}}", "coingecko-market-chart" },
        { "flows.html", "<html><body><table><tr><th></th><th>IBIT</th><th>Total</th></tr><tr><td>11 Jan 2024</td><td>111.7</td><td>111.7</td></tr></table></body></html>", "farside-html" },
        { "flows.htm", "<table>\n<tr><th>Date</th><th>ETHA</th><th>ETHE</th><th>Total</th></tr>\n<tr><td>23 Jul 2024</td><td>266.5</td><td>(484.1)</td><td>(217.6)</td></tr>\n</table>", "farside-html" },
        { "fredgraph.csv", "observation_date,WALCL\n2024-01-03,7713897\n2024-01-10,.\n", "fred" },
        { "farside.csv", "Date,IBIT,GBTC,Total\n11 Jan 2024,111.7,(95.1),16.6\n", "etf-flows" },
        { "top100.csv", "date,snapshot_commit_utc,rank,name,symbol,price_usd\n2025-12-15,2025-12-15T10:31:07Z,1,Bitcoin,BTC,89864\n", "ranking" },
        { "shares.csv", "date,ticker,shares_out,nav,price,net_flow_musd\n2025-12-01,IWM,360400000,245.62,245.62,\n", "etf-shares" },
        { "asi.csv", "date,value,provider,definition,note,source_url\n2025-12-07,19,CoinMarketCap,\"top 100, 90 days\",,\n", "published-readings" },
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public void EachFormatIsRecognisedByItsOwnImporterOnly(string name, string content, string format)
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, content);
        var probe = Importers.Probe(path, File.ReadAllBytes(path));

        var accepting = Importers.All.Where(i => i.CanRead(probe)).Select(i => i.Name).ToList();

        Assert.Equal([format], accepting);
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public void ForcingAnyFormatOnAnyExportEndsInAReportNotACrash(string name, string content, string format)
    {
        _ = format;
        using var folder = new TempFolder();
        var path = folder.Write(name, content);
        foreach (var importer in Importers.All)
        {
            try { Importers.Read(path, new ImportOptions(Format: importer.Name)); }
            catch (ImportException) { }
        }
    }

    [Fact]
    public void FormatOptionReadsAFileWhoseNameDoesNotTellTheFormat()
    {
        using var folder = new TempFolder();
        var path = folder.Write("BTCUSDT-1d-2024-01.txt", $"{Jan1},42283.58,44184.1,42180.77,44179.55,27174.29903,{Jan1 + Day - 1},1,2,3,4,0\n");
        Assert.Null(Importers.Detect(Importers.Probe(path, File.ReadAllBytes(path))));

        var parsed = Importers.Read(path, new ImportOptions(Format: "binance-klines"));

        Assert.Equal("binance-klines", parsed.Format);
        Assert.Equal(44179.55, parsed.Series[0].Close[0]);
    }

    private static readonly HashSet<string> ExportFormats =
        ["yahoo-csv", "stooq-csv", "stooq-bulk", "binance-klines", "coingecko-market-chart", "farside-html"];

    [Fact]
    public void NoDataFolderFileIsTakenForAnExport()
    {
        var files = Importers.ExpandPaths([RealData.Folder], []);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var probe = Importers.Probe(file, File.ReadAllBytes(file));
            var accepting = Importers.All.Where(i => i.CanRead(probe)).Select(i => i.Name).ToList();
            Assert.True(accepting.Count > 0 && !accepting.Any(ExportFormats.Contains),
                $"{file}: accepted by [{string.Join(", ", accepting)}]");
        }
    }
}
