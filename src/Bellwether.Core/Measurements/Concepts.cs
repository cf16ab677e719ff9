using Bellwether.Core.Board;
using Bellwether.Core.Claims;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Measurements.Correlation;
using Bellwether.Core.Measurements.CorrelationTrend;
using Bellwether.Core.Measurements.Divergence;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Measurements.EtfFlows;
using Bellwether.Core.Measurements.FedPath;
using Bellwether.Core.Measurements.FlowRotation;
using Bellwether.Core.Measurements.LevelRetest;
using Bellwether.Core.Measurements.MoveAfterBreakout;
using Bellwether.Core.Measurements.NetLiquidity;
using Bellwether.Core.Measurements.NoSource;
using Bellwether.Core.Measurements.RecordClose;
using Bellwether.Core.Measurements.Trendline;

namespace Bellwether.Core.Measurements;

/// <summary>One concept's registration: the signal kind and the claim kind that read its measurement.</summary>
/// <param name="Signal">The kind thesis files name, or null when the concept has no signal.</param>
/// <param name="Claim">The kind claims files name, or null when the concept has no claim.</param>
public sealed record Concept(ISignalKind? Signal, IClaimKind? Claim);

/// <summary>
/// The one registry of what Bellwether measures: a concept is a folder under <c>Measurements/</c> plus one line here,
/// and the board, the claim check, the report (its charts in this order) and the JSON take it from here.
/// </summary>
public static class Concepts
{
    /// <summary>Every concept, in the order the report draws their charts.</summary>
    public static IReadOnlyList<Concept> All { get; } =
    [
        new(new BreakoutSignal(), new BreakoutClaim()),
        new(new TrendlineSignal(), new TrendlineClaim()),
        new(new CorrelationSignal(), new CorrelationClaim()),
        new(new AltSeasonSignal(), new AltSeasonClaim()),
        new(new FlowRotationSignal(), new FlowRotationClaim()),
        new(new FedPathSignal(), new FedPathClaim()),
        new(new NetLiquiditySignal(), null),
        new(new DrawdownSignal(), new DrawdownClaim()),
        new(new RecordCloseSignal(), new RecordCloseClaim()),
        new(new EtfFlowsSignal(), null),
        new(new DivergenceSignal(), null),
        new(new CorrelationTrendSignal(), null),
        new(new NoSourceSignal(), new NoSourceClaim()),
        new(null, new LevelRetestClaim()),
        new(null, new MoveAfterBreakoutClaim()),
    ];

    /// <summary>The signal kinds thesis files may name.</summary>
    public static SignalKinds Signals { get; } = new(All.Select(c => c.Signal).OfType<ISignalKind>());

    /// <summary>The claim kinds claims files may name.</summary>
    public static ClaimKinds Claims { get; } = new(All.Select(c => c.Claim).OfType<IClaimKind>());

    /// <summary>The signal kind of type <typeparamref name="T"/> (the registered instance).</summary>
    public static T Signal<T>() where T : ISignalKind => Signals.All.OfType<T>().Single();
}
