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
/// <param name="CommissionBp">Commission per side, basis points of the value traded (10 bp: a retail crypto exchange's taker fee).</param>
/// <param name="SlippageBp">Slippage per side, basis points (10 bp: half a spread plus impact on mid-caps; the basket holds 20 names).</param>
/// <param name="Hold">The study asset held while readiness is at or above θ (<see cref="StudyAssets.Holdable"/>).</param>
public sealed record RotationParameters(double Threshold = 60, RotationFallback Fallback = RotationFallback.Bitcoin, double CommissionBp = 10, double SlippageBp = 10,
    string Hold = AltcoinBasket.Id)
{
    /// <summary>Commission plus slippage per side.</summary>
    public double CostBp => CommissionBp + SlippageBp;

    /// <summary>Bitcoin's study id.</summary>
    public const string Bitcoin = "BTC";

    /// <summary>What the rotation holds, in words ("the altcoin basket", "Bitcoin", "Ether").</summary>
    public static string Describe(string asset) => asset switch
    {
        AltcoinBasket.Id => "the altcoin basket",
        Bitcoin => "Bitcoin",
        "ETH" => "Ether",
        _ => asset,
    };

    /// <summary>What the rotation holds below θ, in words.</summary>
    public string DescribeFallback => Fallback == RotationFallback.Bitcoin ? "Bitcoin" : "cash";

    /// <exception cref="ArgumentOutOfRangeException">A threshold outside 0–100 or a negative cost.</exception>
    public RotationParameters Validate()
    {
        if (!(Threshold >= 0 && Threshold <= 100)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "must be in 0–100");
        if (!(CommissionBp >= 0)) throw new ArgumentOutOfRangeException(nameof(CommissionBp), CommissionBp, "must be 0 or more");
        if (!(SlippageBp >= 0)) throw new ArgumentOutOfRangeException(nameof(SlippageBp), SlippageBp, "must be 0 or more");
        if (!StudyAssets.Holdable.Contains(Hold)) throw new ArgumentOutOfRangeException(nameof(Hold), Hold, $"must be one of {string.Join(", ", StudyAssets.Holdable)}");
        if (Hold == Bitcoin && Fallback == RotationFallback.Bitcoin)
            throw new ArgumentOutOfRangeException(nameof(Fallback), Fallback, "holding Bitcoin either way is no rotation: fall back to cash");
        return this;
    }
}
