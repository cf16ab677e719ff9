using Bellwether.Core.Board;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Instruments;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Measurements.Correlation;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Measurements.FedPath;
using Bellwether.Core.Measurements.FlowRotation;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Measurements.Trendline;
using Bellwether.Core.Series;
using Bellwether.Core.Statistics.Alignment;
using Bellwether.Core.Statistics.Drawdown;
using Bellwether.Core.Statistics.EtfFlows;
using Bellwether.Core.Statistics.Liquidity;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Structure.Trendlines;
using Bellwether.Report.Charts;

namespace Bellwether.Report;

/// <summary>
/// The charts of the measurements a thesis uses: each signal kind with a chart draws it from the first signal of that
/// kind in the thesis, with that signal's instruments, so another thesis gets its own charts. Kinds are matched by
/// type, never by name, so aliases and renamed kinds keep their charts.
/// </summary>
public sealed class SignalCharts
{
    private readonly ThesisDefinition _thesis;
    private readonly SignalKinds _kinds;
    private readonly IMarketData _view;
    private readonly DateOnly _date;
    private readonly List<string> _notes;
    private readonly IReadOnlyList<PublishedReading> _published;

    private SignalCharts(ThesisDefinition thesis, SignalKinds kinds, IMarketData view, DateOnly date, List<string> notes,
        IReadOnlyList<PublishedReading> published) =>
        (_thesis, _kinds, _view, _date, _notes, _published) = (thesis, kinds, view, date, notes, published);

    /// <summary>
    /// The charts, in page order, from data cut at <paramref name="date"/> (<paramref name="view"/>); a chart whose data
    /// is missing adds a note instead. The readiness history chart comes last. <paramref name="published"/> readings go
    /// on the index chart beside the variant they describe, with their mean absolute error, bias and largest gap.
    /// </summary>
    public static List<Figure> Draw(ThesisDefinition thesis, SignalKinds kinds, IMarketData view, DateOnly date,
        DateOnly historyFrom, IReadOnlyList<ReadinessPoint> history, List<string> notes, IReadOnlyList<PublishedReading>? published = null)
    {
        var c = new SignalCharts(thesis, kinds, view, date, notes, published ?? []);
        Figure?[] charts =
        [
            c.First<BreakoutSignal, BreakoutSignalOptions>() is { } breakout ? c.Breakout(breakout) : null,
            c.First<TrendlineSignal, TrendlineOf>() is { } trendline ? c.Trendline(trendline) : null,
            c.First<CorrelationSignal, CorrelationParameters>() is { } correlation ? c.Correlation(correlation) : null,
            c.First<AltSeasonSignal, AltSeasonSignalOptions>() is not null ? c.AltSeason(historyFrom) : null,
            c.First<FlowRotationSignal, FlowRotationParameters>() is { } rotation ? c.Flows(rotation) : null,
            c.FedAndLiquidity(),
            c.First<DrawdownSignal, DrawdownParameters>() is { } drawdown ? c.Drawdown(drawdown) : null,
            ThesisCharts.Readiness(history, thesis.Predicts.Trade?.Threshold),
        ];
        return [.. charts.OfType<Figure>()];
    }

    /// <summary>The options of the first signal of kind <typeparamref name="TKind"/> in the thesis, or null.</summary>
    public TOptions? First<TKind, TOptions>() where TKind : SignalKind<TOptions> where TOptions : class =>
        _thesis.Signals.Select(s => _kinds.Find(s.Kind) is TKind kind ? kind.Options(s) : null).FirstOrDefault(o => o is not null);

    private Figure? Missing(string what, string id)
    {
        _notes.Add($"No chart of {what}: no data for {id} on or before {_date:yyyy-MM-dd}.");
        return null;
    }

    private Figure? Breakout(BreakoutSignalOptions o) => _view.Series(o.Instrument) is { Count: > 0 } s
        ? StructureCharts.Breakout(s, BreakoutAnalysis.AsOf(s, _date, BreakoutAnalysisParameters.Default), _date)
        : Missing("resistance breakouts", o.Instrument);

    private Figure? Trendline(TrendlineOf o)
    {
        var parts = o.Series.Split('/');
        var series = parts.Length == 2 && _view.Series(parts[0]) is { } n && _view.Series(parts[1]) is { } d
            ? RatioSeries.Of(n, d) : _view.Series(o.Series);
        if (series is not { Count: > 0 }) return Missing("trendlines", o.Series);
        var p = new TrendlineParameters();
        return StructureCharts.Trendline(series, TrendlineFinder.AsOf(series, _date, TrendlineSide.Resistance, p),
            TrendlineFinder.AsOf(series, _date, TrendlineSide.Support, p), _date);
    }

    private Figure? Correlation(CorrelationParameters o)
    {
        if (_view.Series(o.A) is not { Count: > 0 } a || _view.Series(o.B) is not { Count: > 0 } b)
            return Missing("correlation", $"{o.A} and {o.B}");
        var rows = ReturnAlignment.Align(a, b, new AlignmentOptions(From: _date.AddYears(-3), Until: _date));
        return CorrelationCharts.Rolling("chart-correlation", rows, 90);
    }

    private Figure? AltSeason(DateOnly historyFrom)
    {
        var index = new AltcoinSeasonIndex(_view.ClosesOfClass(AssetClass.Crypto), _view.Rankings(), _view.Classifications());
        if (index.BenchmarkRange is null) return Missing("the Altcoin Season Index", index.Options.Benchmark);
        AltcoinSeasonParameters[] variants = [new(90, 50), new(90, 100)];
        var histories = variants.Select(p => ($"top {p.TopCount}, {p.WindowDays} days", index.History(historyFrom, _date, p))).ToList();
        // Published readings in the chart's span, beside the variant their definition names; the comparison in words too.
        var comparisons = variants.Select((p, i) => PublishedComparison.Of(_published.Where(r => r.Date >= historyFrom && r.Date <= _date), p,
            d => histories[i].Item2[d.DayNumber - historyFrom.DayNumber])).ToList();
        _notes.AddRange(comparisons.Select(c => c.Sentence()).OfType<string>());
        return ThesisCharts.AltSeason(histories, comparisons);
    }

    private Figure? Flows(FlowRotationParameters o) =>
        _view.Flows(o.Into) is { Count: > 0 } into && _view.Flows(o.OutOf) is { Count: > 0 } outOf
            ? MacroCharts.EtfFlows(EtfFlowStatistics.Build(outOf, _date), EtfFlowStatistics.Build(into, _date), _date)
            : Missing("ETF flows", $"{o.Into} and {o.OutOf}");

    /// <summary>The policy rate with net liquidity, when the thesis reads either; the other's inputs at its defaults.</summary>
    private Figure? FedAndLiquidity()
    {
        var fed = First<FedPathSignal, FedPathOf>();
        var liquidity = First<NetLiquiditySignal, NetLiquidityOf>();
        if (fed is null && liquidity is null) return null;
        fed ??= new FedPathMeasurement().Defaults;
        liquidity ??= new NetLiquidityMeasurement().Defaults;
        DailySeries? rate = _view.Series(fed.Series), assets = _view.Series(liquidity.TotalAssets);
        DailySeries? tga = _view.Series(liquidity.TreasuryAccount), repo = _view.Series(liquidity.ReverseRepo);
        return rate is { Count: > 0 } && assets is not null && tga is not null && repo is not null
            ? MacroCharts.FedAndLiquidity(rate, NetLiquidity.Compute(assets, tga, repo, _date), _date)
            : Missing("the fed funds rate and net liquidity",
                $"{fed.Series}, {liquidity.TotalAssets}, {liquidity.TreasuryAccount} or {liquidity.ReverseRepo}");
    }

    private Figure? Drawdown(DrawdownParameters o) => _view.Series(o.Instrument) is { Count: > 0 } s
        ? MacroCharts.Drawdown(o.Instrument, Drawdowns.Compute(s, DrawdownBasis.Close), Drawdowns.Compute(s, DrawdownBasis.High), _date)
        : Missing("drawdown", o.Instrument);
}
