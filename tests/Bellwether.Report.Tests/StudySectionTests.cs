using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Board;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Paths;
using Xunit;

namespace Bellwether.Report.Tests;

/// <summary>The "Did it ever work?" section on small hand-made paths: every figure in its text comes from the results.</summary>
public sealed class StudySectionTests
{
    private static readonly HandMadeStudy Made = new(200);
    private static readonly DateOnly Day0 = HandMadeStudy.Day0;

    private static StudySection Section(params int[] eventDays)
    {
        var assets = Made.Assets();
        var study = EventStudy.Run(new HandMadeStudy.Fixed(eventDays), assets.All, Made.Last, new EventStudyParameters([30, 90], Resamples: 200));
        var backtest = Made.Backtest(assets);
        return StudySection.Of(study, backtest, 30, 7);
    }

    [Fact]
    public void The_paragraph_quotes_the_figures_and_says_how_few_events_there_are()
    {
        var s = Section(10, 40, 150);
        var text = string.Join(" ", s.Paragraph());
        var basket = s.Study.Summaries.Single(x => x.Asset == AltcoinBasket.Id && x.Days == 30);
        Assert.Contains("happened 3 times, from 2024-01-11 to 2024-05-30", text);
        Assert.Contains($"{basket.Events} of them have a 30-day outcome for the altcoin basket, and only {basket.IndependentEvents} of those windows do not overlap", text);
        Assert.Contains($"moved {100 * basket.Mean:+0;-0;0}% on average (median {100 * basket.Median:+0;-0;0}%, middle half " +
                        $"{100 * basket.LowerQuartile:+0;-0;0}% to {100 * basket.UpperQuartile:+0;-0;0}%), " +
                        $"against {100 * basket.BaselineMean:+0;-0;0}% after an ordinary day", text);
        Assert.Contains("unadjusted 95% interval", text);
        Assert.Contains("Holm-adjusted p", text);
        Assert.Contains("this is a handful of anecdotes, not evidence", text);
        var rotation = s.Backtest.Strategies.Single(x => x.Id == "rotation");
        Assert.Contains($"Sharpe {rotation.OutOfSample.Sharpe:0.00}", text);
        Assert.Contains("evaluated every 7 days", text);
        Assert.Contains("200 stationary-bootstrap resamples", text);
    }

    [Fact]
    public void Tables_have_a_row_per_event_with_data_per_summary_and_per_strategy()
    {
        var s = Section(10, 40, 150, 190);
        Assert.Equal(4, s.EventRows().Count); // the last event's windows are still open: shown as open
        Assert.Equal(["open / open"], s.EventRows()[^1].Skip(1).Distinct());
        Assert.Equal(s.Study.Summaries.Count, s.SummaryRows().Count);
        Assert.All(s.SummaryRows(), r => Assert.Equal(StudySection.SummaryHeader.Count, r.Count));
        Assert.Equal(s.Study.Summaries.Select(x => s.Names.Label(x.Asset)), s.SummaryRows().Select(r => r[0]));
        Assert.Contains("Altcoin basket", s.SummaryRows().Select(r => r[0]));
        // Readers see names, not ids: the benchmarks' rows are named as the legend of the equity chart names them.
        Assert.Equal(["Rotation", "Bitcoin", "Ether", "Altcoin basket", "50/50 Bitcoin–Ether"],
            s.MetricRows().Select(r => r[0]));
        Assert.Equal(["chart-study-30", "chart-equity"], s.Charts.Select(c => c.Id));
    }

    [Fact]
    public void No_event_says_so_and_the_page_and_markdown_carry_the_section()
    {
        var s = Section();
        Assert.StartsWith("No fixed event happened up to", s.Paragraph()[0]);
        var board = new BoardResult(Day0, "T", double.NaN, 0, [], []);
        var content = new ReportContent("", board, [], null, [], [], Section(10, 40));
        // The page's text, without the spans that keep dates and numbers whole on a narrow screen.
        var html = System.Text.RegularExpressions.Regex.Replace(ThesisReport.Page(content).Render(),
            "<span class=\"whole\">(.*?)</span>", "$1");
        Assert.Contains("Did it ever work?", html);
        foreach (var line in content.Study!.Paragraph()) Assert.Contains(System.Net.WebUtility.HtmlEncode(line), html);
        Assert.Contains("id=\"chart-equity\"", html);
        Assert.Equal(2, content.AllCharts.Count);
        var md = ThesisReport.Markdown(content, new Dictionary<string, string> { ["chart-equity"] = "png/chart-equity.png" });
        Assert.Contains("## Did it ever work?", md);
        Assert.Contains("![Rotation vs buy-and-hold", md);
        Assert.Contains("| Rotation |", md);
    }

    [Fact]
    public void The_study_notes_tables_and_sentences_name_the_assets_never_their_ids()
    {
        // The basket and the index begin on day 60, so the study notes the events that come before them.
        var made = Made.Assets();
        double Late(int d, double v) => d < 60 ? double.NaN : v;
        var assets = made with
        {
            Basket = made.Basket with { Level = Made.Path(AltcoinBasket.Id, d => Late(d, 100 * Math.Pow(1.005, d))) },
            AltSeason = Made.Path(StudyAssets.AltSeasonId, d => Late(d, d % 100), PathMeasure.Change),
        };
        // A thesis's own name for Ether; ETH/BTC has a name nowhere, so it is shown by its id.
        var names = AssetNames.Study.With([KeyValuePair.Create("ETH", "Ether (ETH)")]);
        var study = EventStudy.Run(new HandMadeStudy.Fixed(10, 80, 120), assets.All, Made.Last,
            new EventStudyParameters([30], Resamples: 50), names);
        var backtest = Backtester.Run(Made.Path("R", d => d % 20 < 10 ? 80 : 20, PathMeasure.Change), assets,
            BacktestParameters.Default, names);
        var s = StudySection.Of(study, backtest, 30, 7, names: names);

        Assert.Contains("1 of 3 events come before the altcoin basket's first value (2024-03-01): they have no forward " +
            "values for it.", s.Warnings);
        Assert.Contains("1 of 3 events come before the Altcoin Season Index's first value (2024-03-01): they have no " +
            "forward values for it.", s.Warnings);
        Assert.Equal(["Bitcoin", "Ether (ETH)", "Altcoin basket", "ETH/BTC", "Altcoin Season Index"],
            s.SummaryRows().Select(r => r[0]));
        Assert.Equal(["Rotation", "Bitcoin", "Ether (ETH)", "Altcoin basket", "50/50 Bitcoin–Ether (ETH)"],
            s.MetricRows().Select(r => r[0]));
        var content = new ReportContent("", new BoardResult(Day0, "T", double.NaN, 0, [], []), [], null, [], [], s);
        var md = ThesisReport.Markdown(content, null);
        Assert.Contains("| event | Bitcoin | Ether (ETH) | Altcoin basket | ETH/BTC | Altcoin Season Index |", md);
        Assert.DoesNotMatch(@"(?<![\w/(])(?:ALT_BASKET|ALTSEASON|BTC|ETH|btc|eth|btc_eth_50_50)(?![\w/])", md);
    }
}
