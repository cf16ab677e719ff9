using System.Text.Json;
using System.Text.Json.Serialization;
using Bellwether.Core.Board;

namespace Bellwether.Cli.Commands;

// The JSON of `bellwether board`, as named records so its serialiser is generated at build time: the reflection-based
// one spends tens of milliseconds of a sub-second command building itself.

/// <summary>The board as of a date.</summary>
/// <param name="ReadinessWithheld">Why readiness is null, in words; null when it is reported.</param>
internal sealed record BoardJson(DateOnly AsOf, ThesisJson Thesis, double Readiness, string? ReadinessWithheld, double Counted,
    double MinMeasured, IReadOnlyList<SignalJson> Signals, IReadOnlyList<BreakdownJson> Breakdown)
{
    public static BoardJson Of(BoardResult board, ThesisJson thesis) => new(board.AsOf, thesis, board.Readiness,
        board.Withheld, board.Counted, board.MinMeasured,
        board.Signals.Select(s => new SignalJson(s.Id, s.Title, s.Kind, s.State, s.Value, s.Unit, s.Label, s.Since, s.Explanation,
            new WindowJson(s.From, s.To), s.Stale, s.Weight, s.Inputs.Select(i => new InputJson(i.Id, i.LastDate, i.Stale)).ToList(), s.Fields)).ToList(),
        board.Breakdown.Select(p => new BreakdownJson(p.Id, p.Weight, p.Score, p.Contribution, p.Note)).ToList());
}

/// <summary>Which thesis was evaluated.</summary>
internal sealed record ThesisJson(string Name, string Description, string File);

/// <summary>One signal of the board.</summary>
internal sealed record SignalJson(string Id, string Title, string Kind, SignalState State, double Value, string Unit, string Label,
    DateOnly? Since, string Explanation, WindowJson Window, bool Stale, double Weight, IReadOnlyList<InputJson> Inputs,
    IReadOnlyDictionary<string, double> Fields);

/// <summary>The data window a signal used.</summary>
internal sealed record WindowJson(DateOnly? From, DateOnly? To);

/// <summary>An input series of a signal and its freshness.</summary>
internal sealed record InputJson(string Id, DateOnly? LastDate, bool Stale);

/// <summary>A signal's part in readiness.</summary>
internal sealed record BreakdownJson(string Id, double Weight, double Score, double Contribution, string Note);

/// <summary>Signal states in snake case, as <see cref="Output.JsonOptions"/> writes enums.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower) where TEnum : struct, Enum;

/// <summary>The generated serialiser, with the options of <see cref="Output.JsonOptions"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true,
    Converters = [typeof(Output.NaNAsNullConverter), typeof(SnakeCaseEnumConverter<SignalState>)])]
[JsonSerializable(typeof(BoardJson))]
internal sealed partial class BoardJsonContext : JsonSerializerContext;
