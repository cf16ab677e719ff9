namespace Bellwether.Report;

/// <summary>The report's machine-readable summary (the CLI's <c>report --json</c>), with the files it was written
/// to.</summary>
public static class ReportJson
{
    /// <summary>The summary of <paramref name="c"/>: plain objects and records, for a snake_case JSON
    /// serialiser.</summary>
    public static object Of(ReportContent c, string html, string? markdown, string? pngDir)
    {
        var study = c.Study;
        return new
        {
            as_of = c.Board.AsOf, html, markdown, png_dir = pngDir, readiness = c.Board.Readiness,
            readiness_withheld = c.Board.Withheld, counted = c.Board.Counted, min_measured = c.Board.MinMeasured,
            summary = ThesisReport.Summary(c), charts = c.AllCharts.Select(x => new { id = x.Id, title = x.Title }),
            claims = c.Claims,
            study = study is null ? null : new
            {
                events = study.Study.Events.Count, source = study.Study.SourceDescription,
                resamples = study.Study.Parameters.Resamples, readiness_every_days = study.ReadinessEveryDays,
                from = study.Backtest.From, split = study.Backtest.Split, to = study.Backtest.To,
                paragraph = study.Paragraph(),
                summary = study.Study.Summaries.Select(x => new
                {
                    asset = x.Asset, horizon = x.Days, events = x.Events, independent_events = x.IndependentEvents,
                    mean = x.Mean, median = x.Median, lower_quartile = x.LowerQuartile,
                    upper_quartile = x.UpperQuartile,
                    baseline_mean = x.BaselineMean, ci95_low = x.CiLow, ci95_high = x.CiHigh, ci95_adjusted = false,
                    p_holm = x.PHolm, hit_rate = x.HitRate,
                }),
                strategies = study.Backtest.Strategies.Select(x => new
                {
                    id = x.Id, cagr_in_sample = x.InSample.Cagr, cagr_out_of_sample = x.OutOfSample.Cagr,
                    sharpe_in_sample = x.InSample.Sharpe, sharpe_out_of_sample = x.OutOfSample.Sharpe,
                    total_return = x.Full.TotalReturn,
                }),
            },
            study_absent = c.StudyAbsent,
            notes = c.Notes,
        };
    }
}
