using Bellwether.Core.Study.Basket;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Backtest.Rotation;

/// <summary>What the rotation holds when readiness is below the threshold.</summary>
public enum RotationFallback
{
    /// <summary>Bitcoin.</summary>
    Bitcoin,
    /// <summary>Cash (no return).</summary>
    Cash,
}

/// <summary>The rotation's rule and its costs.</summary>
/// <param name="Threshold">θ: hold the basket when readiness (0–100) is at or above it.</param>
/// <param name="Fallback">What to hold otherwise.</param>
/// <param name="CommissionBp">Commission per side, basis points of the value traded (10 bp: a retail crypto exchange's
/// taker fee).</param>
/// <param name="SlippageBp">Slippage per side, basis points (10 bp: half a spread plus impact on mid-caps; the basket
/// holds 20 names).</param>
/// <param name="Hold">The study asset held while readiness is at or above θ
/// (<see cref="StudyAssets.Holdable"/>).</param>
/// <remarks>Checked when built. What is held and the fallback are checked together, so they are set only by the
/// constructor (a <c>with</c> cannot pair them wrongly).</remarks>
public sealed record RotationParameters(double Threshold = 60, RotationFallback Fallback = RotationFallback.Bitcoin,
    double CommissionBp = 10, double SlippageBp = 10, string Hold = AltcoinBasket.Id)
{
    /// <summary>Commission plus slippage per side.</summary>
    public double CostBp => CommissionBp + SlippageBp;

    /// <summary>Bitcoin's study id.</summary>
    public const string Bitcoin = "BTC";

    /// <summary>What the rotation holds below θ, in words ("Bitcoin" as <paramref name="names"/> call it, or
    /// "cash").</summary>
    public string DescribeFallback(AssetNames names) =>
        Fallback == RotationFallback.Bitcoin ? names.Name(Bitcoin) : "cash";

    /// <exception cref="ArgumentOutOfRangeException">Outside 0–100.</exception>
    public double Threshold { get; init => field = Require.Between(value, 0, 100, nameof(Threshold)); }
        = Require.Between(Threshold, 0, 100, nameof(Threshold));

    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public double CommissionBp { get; init => field = Require.NotNegative(value, nameof(CommissionBp)); }
        = Require.NotNegative(CommissionBp, nameof(CommissionBp));

    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public double SlippageBp { get; init => field = Require.NotNegative(value, nameof(SlippageBp)); }
        = Require.NotNegative(SlippageBp, nameof(SlippageBp));

    /// <exception cref="ArgumentOutOfRangeException">Not one of <see cref="StudyAssets.Holdable"/>.</exception>
    public string Hold { get; } = StudyAssets.Holdable.Contains(Hold) ? Hold
        : throw new ArgumentOutOfRangeException(nameof(Hold), Hold,
            $"must be one of {string.Join(", ", StudyAssets.Holdable)}");

    /// <exception cref="ArgumentOutOfRangeException">Not a fallback, or Bitcoin while holding Bitcoin.</exception>
    public RotationFallback Fallback { get; } = CheckFallback(Fallback, Hold);

    private static RotationFallback CheckFallback(RotationFallback fallback, string hold) =>
        !Enum.IsDefined(fallback) ? throw new ArgumentOutOfRangeException(nameof(fallback), fallback, "not a fallback")
        : hold == Bitcoin && fallback == RotationFallback.Bitcoin
            ? throw new ArgumentOutOfRangeException(nameof(fallback), fallback,
                "holding Bitcoin either way is no rotation: fall back to cash")
        : fallback;
}
