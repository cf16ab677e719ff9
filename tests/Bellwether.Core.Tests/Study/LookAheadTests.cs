using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Crypto.AltcoinSeason;
using Bellwether.Core.Series;
using Bellwether.Core.Structure.Breakout;
using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Events;
using Bellwether.Core.Study.EventStudy;
using Bellwether.Core.Study.Paths;
using Bellwether.Core.Universe;
using Xunit;

namespace Bellwether.Core.Tests.Study;

/// <summary>
/// No look-ahead, proven on the real data: every value dated after a cut day t is changed (closes multiplied by a
/// random factor, later rankings reversed, readiness flipped across the threshold), and everything dated up to t must stay
/// identical: the assets, the events, every forward value whose window ends by t, and the backtest's positions and
/// returns. Cut days are fractions of the data's own span, not dates written here.
/// </summary>
public class LookAheadTests
{
    public static TheoryData<double> Cuts => new() { 0.35, 0.75 };

    private static DateOnly Cut(double fraction)
    {
        var basket = StudyData.Assets.Basket.Level;
        return basket.First.AddDays((int)(basket.Count * fraction));
    }

    private static DailySeries Perturb(DailySeries s, DateOnly cut, Random rng) =>
        new(s.Instrument, Enumerable.Range(0, s.Count).Select(i =>
        {
            var b = s[i];
            if (b.Date <= cut) return b;
            double f = 0.5 + rng.NextDouble();
            return b with { Open = b.Open * f, High = b.High * f, Low = b.Low * f, Close = b.Close * f };
        }).ToList());

    /// <summary>Rankings dated after the cut in reverse order.</summary>
    private static List<RankedCoin> Reverse(List<RankedCoin> rankings, DateOnly cut) =>
        rankings.Select(r => r.Date <= cut ? r : r with { Rank = 1000 - r.Rank }).ToList();

    private sealed record World(DailySeries Rut, StudyAssets Assets);

    private static World Changed(DateOnly cut)
    {
        var real = StudyData.Real;
        var rng = new Random(42);
        var crypto = real.Crypto.Select(c => Perturb(c, cut, rng)).ToList();
        var assets = StudyAssets.Build(crypto, Reverse(real.Rankings, cut), real.Flags, real.End, new AltcoinBasketParameters(), new AltcoinSeasonParameters());
        return new World(Perturb(real.Rut, cut, rng), assets);
    }

    private static double[] UpTo(CalendarPath p, DateOnly cut) => p.AsOf(cut).Values;

    [Theory, MemberData(nameof(Cuts))]
    public void Assets_up_to_the_cut_do_not_change(double fraction)
    {
        var cut = Cut(fraction);
        var changed = Changed(cut).Assets.All;
        var original = StudyData.Assets.All;
        Assert.Equal(original.Count, changed.Count);
        foreach (var (a, b) in original.Zip(changed))
        {
            Assert.Equal(a.First, b.First);
            Assert.Equal(UpTo(a, cut), UpTo(b, cut));
            Assert.NotEqual(a.Values[^1], b.Values[^1]); // the change did reach the later values
        }
    }

    [Theory, MemberData(nameof(Cuts))]
    public void Events_and_forward_values_up_to_the_cut_do_not_change(double fraction)
    {
        var cut = Cut(fraction);
        var world = Changed(cut);
        var real = StudyData.Real;
        var parameters = EventStudyParameters.Default with { Resamples = 10 };
        var original = EventStudy.Run(new BreakoutEventSource("rut_breakout", real.Rut, BreakoutAnalysisParameters.Default), StudyData.Assets.All, real.End, parameters);
        var changed = EventStudy.Run(new BreakoutEventSource("rut_breakout", world.Rut, BreakoutAnalysisParameters.Default), world.Assets.All, real.End, parameters);
        var before = original.Events.Where(e => e.Event.Date <= cut).ToList();
        Assert.Equal(before.Select(e => e.Event), changed.Events.Where(e => e.Event.Date <= cut).Select(e => e.Event));
        int compared = 0;
        foreach (var (a, b) in before.Zip(changed.Events))
            foreach (var (fa, fb) in a.Forward.Zip(b.Forward).Where(f => a.Event.Date.AddDays(f.First.Days) <= cut))
            {
                Assert.Equal(fa, fb);
                compared++;
            }
        Assert.True(compared > 0);
    }

    [Theory, MemberData(nameof(Cuts))]
    public void Backtest_positions_and_returns_up_to_the_cut_do_not_change(double fraction)
    {
        var cut = Cut(fraction);
        var world = Changed(cut);
        var readiness = StudyData.Assets.AltSeason; // any 0–100 signal; later values flipped across θ below
        var noisy = new CalendarPath(readiness.Id, readiness.Unit, readiness.Measure, readiness.First,
            readiness.Values.Select((v, i) => readiness.First.AddDays(i) <= cut ? v : v >= 50 ? 0 : 100).ToArray());
        var parameters = new BacktestParameters(new RotationParameters(50));
        var original = Backtester.Run(readiness, StudyData.Assets, parameters);
        var changed = Backtester.Run(noisy, world.Assets,
            new BacktestParameters(parameters.Rotation, original.From, original.To, original.Split));
        int upTo = cut.DayNumber - original.From.DayNumber;
        foreach (var (a, b) in original.Strategies.Zip(changed.Strategies))
        {
            Assert.Equal(a.Run.Returns[..(upTo + 1)], b.Run.Returns[..(upTo + 1)]);
            Assert.Equal(a.Run.Equity[..(upTo + 1)], b.Run.Equity[..(upTo + 1)]);
            // Weights held into every day up to the day after the cut: that one was decided at the cut's close.
            int k = a.Run.Assets.Count;
            Assert.Equal(a.Run.HeldWeights[..((upTo + 2) * k)], b.Run.HeldWeights[..((upTo + 2) * k)]);
        }
        Assert.NotEqual(original.Strategies[0].Run.Equity[^1], changed.Strategies[0].Run.Equity[^1]);
    }
}
