using Bellwether.Core.Backtest.Rotation;
using Bellwether.Core.Study.Paths;

namespace Bellwether.Core.Board;

/// <summary>What a thesis predicts: the event it counts, what should move after it, and how it is traded.</summary>
/// <param name="Trigger">The event the study counts; null when the thesis does not declare one.</param>
/// <param name="Outcome">The assets expected to move after the trigger, and the horizon; null when not
/// declared.</param>
/// <param name="Trade">What the backtest holds when readiness is high and otherwise; null when not declared.</param>
/// <param name="Claims">The claims file the report checks, as written (relative to the thesis file); null:
/// none.</param>
/// <param name="ClaimsLine">The line of <paramref name="Claims"/> in the thesis file (0 when built in code).</param>
/// <param name="OwnNames">The thesis file's own names for study assets (<c>asset_names</c>: id → name as a sentence
/// writes it); null: none.</param>
public sealed record ThesisPrediction(
    ThesisTrigger? Trigger = null, ThesisOutcome? Outcome = null, ThesisTrade? Trade = null, string? Claims = null,
    int ClaimsLine = 0, IReadOnlyDictionary<string, string>? OwnNames = null)
{
    /// <summary>What a reader sees for each study asset: the thesis's own names, else the study's.</summary>
    public AssetNames Names => OwnNames is null ? AssetNames.Study : AssetNames.Study.With(OwnNames);

    /// <summary>A thesis that declares nothing: the study and backtest sections say what to add.</summary>
    public static ThesisPrediction None { get; } = new();

    /// <summary>The keys a thesis file is missing for an event study and a backtest ("trigger, trade"), or
    /// empty.</summary>
    public IReadOnlyList<string> Missing =>
        new[] { Trigger is null ? "trigger" : null, Outcome is null ? "outcome" : null, Trade is null ? "trade" : null }
            .OfType<string>().ToList();
}

/// <summary>Which event of a trigger the study counts.</summary>
public enum TriggerEvent
{
    /// <summary>The first close through a breakout signal's level.</summary>
    Breakout,
    /// <summary>The confirmation of such a breakout (closes above, or a month-end close).</summary>
    Confirmed,
    /// <summary>A signal of the thesis turning supportive.</summary>
    Supports,
    /// <summary>Readiness reaching a threshold from below.</summary>
    Readiness,
}

/// <summary>The event the study counts.</summary>
/// <param name="Event">Which event.</param>
/// <param name="Signal">The thesis signal it reads (null for <see cref="TriggerEvent.Readiness"/>).</param>
/// <param name="Threshold">The readiness threshold (0–100) of <see cref="TriggerEvent.Readiness"/>.</param>
/// <param name="Line">Its line in the thesis file (0 when built in code).</param>
public sealed record ThesisTrigger(TriggerEvent Event, string? Signal, double Threshold = 0, int Line = 0);

/// <summary>What the thesis expects to move after its trigger.</summary>
/// <param name="Assets">Study asset ids (<c>BTC</c>, <c>ETH</c>, <c>ALT_BASKET</c>, <c>ETH/BTC</c>, <c>ALTSEASON</c>);
/// the first is the one the thesis is about, the others are studied beside it.</param>
/// <param name="HorizonDays">Within how many calendar days.</param>
/// <param name="Rise">True when the thesis expects a rise, false a fall.</param>
public sealed record ThesisOutcome(IReadOnlyList<string> Assets, int HorizonDays, bool Rise = true)
{
    /// <summary>The asset the thesis is about.</summary>
    public string Lead => Assets[0];
}

/// <summary>The thesis as a trade.</summary>
/// <param name="Hold">The asset held while readiness is at or above <paramref name="Threshold"/> (<c>BTC</c>,
/// <c>ETH</c> or <c>ALT_BASKET</c>).</param>
/// <param name="Otherwise">What is held below it.</param>
/// <param name="Threshold">θ, 0–100.</param>
public sealed record ThesisTrade(string Hold, RotationFallback Otherwise, double Threshold);
