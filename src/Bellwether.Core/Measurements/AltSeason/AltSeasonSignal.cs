using Bellwether.Core.Board;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Signals;

namespace Bellwether.Core.Measurements.AltSeason;

/// <summary>
/// The <see cref="AltSeasonMeasurement"/> as a signal. Value: the index, 0–100. Label: <c>bitcoin_season</c>,
/// <c>neutral</c>, <c>altcoin_season</c>, since the first day of the current run of days in that band. A reading of
/// status partial or stale ranking is not counted (not measurable, saying why). Fields give the other published
/// variants (N = 30, 90, 365; K = 50, 100) and the change over 30 days.
/// </summary>
public sealed class AltSeasonSignal() : MeasurementSignal<AltSeasonOf, AltSeasonReading>(new AltSeasonMeasurement())
{
    public override string Description => "Altcoin Season Index: share of the top-K altcoins beating Bitcoin over N " +
                                          "days (0–100), with the 30/90/365-day, K=50/100 variants";
    public override IReadOnlyList<string> Labels { get; } = ["bitcoin_season", "neutral", "altcoin_season"];
    public override IReadOnlyList<string> Fields { get; } =
    [
        .. new AltSeasonOf(new AltcoinSeasonParameters()).Variants.Select(v => FieldName(v.Days, v.Top)),
        "change_30d", "eligible", "coverage", "ranking_age_days",
    ];

    private static string FieldName(int days, int top) => $"d{days}_k{top}";

    protected override SignalReading Reading(AltSeasonOf o, AltSeasonReading r, IReadOnlyList<SignalInput> inputs,
        IMarketData data, bool explain)
    {
        var (p, today, ranking) = (o.Index, r.Point, r.Ranking);
        var asOf = today.Date;
        string name = AltSeasonMeasurement.Describe(p);
        // A reading on too few coins or an old ranking is shown in words but not counted.
        if (today.Status == IndexStatus.StaleRanking)
            return SignalReading.NotMeasurable($"{name} {Say.Number(today.Index, "0")} on {Say.Date(asOf)} rests on " +
                $"the ranking {ranking.List} of {Say.Date(ranking.Date)}, {today.RankingAgeDays} days old (limit " +
                $"{p.MaxRankingAgeDays}): stale ranking", inputs);
        if (today.Status == IndexStatus.Partial)
            return SignalReading.NotMeasurable($"{name} {Say.Number(today.Index, "0")} on {Say.Date(asOf)} rests on " +
                $"{today.Eligible} of {p.TopCount} coins ({Say.Number(100.0 * today.Eligible / p.TopCount, "0")}%, " +
                $"minimum {Say.Number(100 * p.MinCoverage, "0")}%): partial", inputs);

        var fields = new Dictionary<string, double>();
        foreach (var (days, top, parameters) in o.Variants)
            fields[FieldName(days, top)] = AltSeasonMeasurement.IndexOn(data, parameters, asOf);
        fields["change_30d"] = today.Index - r.MonthAgo;
        fields["eligible"] = today.Eligible;
        fields["coverage"] = (double)today.Eligible / p.TopCount;
        fields["ranking_age_days"] = asOf.DayNumber - ranking.Date.DayNumber;
        return new SignalReading(true, today.Index, Say.Word(r.Season), r.Since, explain ? Sentence() : "",
            asOf.AddDays(-p.WindowDays), asOf, inputs, fields, "index");

        string Sentence()
        {
            string others = string.Join(", ", o.Variants.Where(v => v.Days != p.WindowDays || v.Top != p.TopCount)
                .Select(v => $"{v.Days}d/K{v.Top} {Say.Number(fields[FieldName(v.Days, v.Top)], "0")}"));
            return $"{name} {Say.Number(today.Index, "0")} on {Say.Date(asOf)}: " +
                   $"{today.Outperformers} of {today.Eligible} altcoins beat Bitcoin over {p.WindowDays} days " +
                   $"(ranking {ranking.List} of {Say.Date(ranking.Date)}); " +
                   $"{Say.Word(r.Season).Replace('_', ' ')} since {Say.Date(r.Since)}" +
                   (r.RunReachesStart ? " or earlier" : "") +
                   (double.IsNaN(r.MonthAgo) ? "" : $", {Say.Signed(today.Index - r.MonthAgo, "0")} in 30 days") +
                   $". Others: {others}.";
        }
    }
}
