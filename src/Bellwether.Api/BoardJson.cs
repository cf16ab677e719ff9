using System.Text.Json;
using System.Text.Json.Serialization;
using Bellwether.Core.Board;
using Bellwether.Core.Text;

namespace Bellwether.Api;

// The JSON of `bellwether board`, as named records so its serialiser is generated at build time: the reflection-based
// one spends tens of milliseconds of a sub-second command building itself.

/// <summary>The board as of a date (<c>board --json</c>, <c>GET /api/board</c>).</summary>
/// <param name="ReadinessWithheld">Why readiness is null, in words; null when it is reported.</param>
/// <param name="AsOfChosen">Why this date, when no <c>--as-of</c> was given (absent otherwise).</param>
/// <param name="ReadinessText">Readiness as every page writes it (<see cref="BoardText"/>), <c>—</c> when withheld; so
/// <paramref name="CountedText"/> and <paramref name="MinMeasuredText"/>, the weight counted and needed.</param>
public sealed record BoardJson(
    DateOnly AsOf, ThesisJson Thesis, double Readiness, string ReadinessText, string? ReadinessWithheld,
    double Counted, string CountedText, double MinMeasured, string MinMeasuredText,
    IReadOnlyList<SignalJson> Signals, IReadOnlyList<BreakdownJson> Breakdown,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateChoiceJson? AsOfChosen = null)
{
    /// <summary>Said when the date given is after the last date of anything stored (absent otherwise).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AsOfPastData { get; init; }

    public static BoardJson Of(BoardResult board, ThesisJson thesis, DateChoiceJson? chosen = null) => new(
        board.AsOf, thesis, board.Readiness, BoardText.Readiness(board.Readiness), board.Withheld, board.Counted,
        ValueText.Of(board.Counted, ValueKind.Share), board.MinMeasured,
        ValueText.Of(board.MinMeasured, ValueKind.Share),
        board.Signals.Select(s => new SignalJson(s.Id, s.Title, s.Kind, s.State, s.Value, s.Unit,
            ValueText.Of(s.Value, s.Unit), s.Label, s.Since, s.Explanation,
            new WindowJson(s.From, s.To), s.Stale, s.Weight,
            s.Inputs.Select(i => new InputJson(i.Id, i.LastDate, i.Stale)).ToList(), s.Fields)).ToList(),
        board.Breakdown.Select(p => new BreakdownJson(p.Id, p.Weight, p.Score, p.Contribution,
            BoardText.Points(p.Contribution), p.Note)).ToList(),
        chosen);
}

/// <summary>How the board documents and the CLI write readiness and a signal's points in it, by the formatting
/// table.</summary>
public static class BoardText
{
    /// <summary>Readiness out of 100, <c>62</c>: a whole number (<see cref="ValueKind.IndexPoints"/>); <c>—</c> when
    /// withheld.</summary>
    public static string Readiness(double readiness) => ValueText.Format(ValueKind.IndexPoints).Number(readiness);

    /// <summary>A change of readiness, <c>−6</c>.</summary>
    public static string ReadinessChange(double change) =>
        ValueText.Format(ValueKind.IndexPointsChange).Number(change);

    /// <summary>A signal's points of readiness, <c>15.4</c> (<see cref="ValueKind.ReadinessPart"/>).</summary>
    public static string Points(double points) => ValueText.Format(ValueKind.ReadinessPart).Number(points);
}

/// <summary>The date a command chose without <c>--as-of</c>: the thesis's latest evaluable date, and why.</summary>
/// <param name="Reason">In words.</param>
/// <param name="LimitedBy">The inputs whose data ends there.</param>
/// <param name="StoreLastDate">The latest date of anything stored, and what (<paramref name="StoreLastId"/>).</param>
public sealed record DateChoiceJson(
    string Reason, IReadOnlyList<string> LimitedBy, DateOnly StoreLastDate, string StoreLastId);

/// <summary>Which thesis was evaluated.</summary>
public sealed record ThesisJson(string Name, string Description, string File);

/// <summary>One signal of the board.</summary>
/// <param name="Value">The raw number, in <paramref name="Unit"/>.</param>
/// <param name="ValueText">The value as every page writes it (<see cref="Core.Text.ValueText"/>); empty without a
/// value.</param>
public sealed record SignalJson(string Id, string Title, string Kind, SignalState State, double Value, string Unit,
    string ValueText, string Label,
    DateOnly? Since, string Explanation, WindowJson Window, bool Stale, double Weight, IReadOnlyList<InputJson> Inputs,
    IReadOnlyDictionary<string, double> Fields);

/// <summary>The data window a signal used.</summary>
public sealed record WindowJson(DateOnly? From, DateOnly? To);

/// <summary>An input series of a signal and its freshness.</summary>
public sealed record InputJson(string Id, DateOnly? LastDate, bool Stale);

/// <summary>A signal's part in readiness.</summary>
/// <param name="ContributionText">Its points as every page writes them (<see cref="BoardText.Points"/>).</param>
public sealed record BreakdownJson(string Id, double Weight, double Score, double Contribution,
    string ContributionText, string Note);

/// <summary>Signal states in snake case, as <see cref="ApiJson.Options"/> writes enums.</summary>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower)
    where TEnum : struct, Enum;

/// <summary>The generated serialiser, with the options of <see cref="ApiJson.Options"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    Converters = [typeof(ApiJson.NaNAsNullConverter), typeof(SnakeCaseEnumConverter<SignalState>)])]
[JsonSerializable(typeof(BoardJson))]
public sealed partial class BoardJsonContext : JsonSerializerContext;
