using Bellwether.Core.Board;
using Bellwether.Core.Measurements.AltSeason;
using Bellwether.Core.Measurements.Breakout;
using Bellwether.Core.Measurements.Correlation;
using Bellwether.Core.Measurements.Drawdown;
using Bellwether.Core.Measurements.FlowRotation;
using Bellwether.Core.Measurements.RecordClose;
using Bellwether.Core.Measurements.Trendline;
using Bellwether.Core.Signals.CorrelationTrend;
using Bellwether.Core.Signals.Divergence;
using Bellwether.Core.Signals.EtfFlows;
using Bellwether.Core.Signals.FedPath;
using Bellwether.Core.Signals.Liquidity;
using Bellwether.Core.Signals.NoSource;

namespace Bellwether.Core.Signals;

/// <summary>The signal kinds Bellwether ships, for thesis files.</summary>
public static class BuiltInSignals
{
    /// <summary>Every built-in kind.</summary>
    public static SignalKinds Kinds { get; } = new([
        new BreakoutSignal(), new RecordCloseSignal(), new TrendlineSignal(), new DrawdownSignal(), new FedPathSignal(),
        new NetLiquiditySignal(), new EtfFlowsSignal(), new FlowRotationSignal(), new DivergenceSignal(),
        new AltSeasonSignal(), new CorrelationSignal(), new CorrelationTrendSignal(), new NoSourceSignal(),
    ]);
}
