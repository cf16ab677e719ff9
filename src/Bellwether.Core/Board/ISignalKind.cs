using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Bellwether.Core.Measurements;

namespace Bellwether.Core.Board;

/// <summary>
/// A statistic or detector a thesis can use as a signal: an adapter that calls the core and turns its result into a
/// <see cref="SignalReading"/>.
/// </summary>
/// <remarks>
/// <para>Point in time: <see cref="Read"/> receives the whole data set and the as-of date, and must use only rows dated
/// on or before that date (the core's <c>AsOf</c> entry points guarantee it). The board does not cut the data first, so
/// a weekly history does not copy every series every week; tests compare each kind on full data with the same kind on
/// data cut by <see cref="AsOfMarketData"/>.</para>
/// <para>A kind never re-implements a statistic: it calls the core and formats the result.</para>
/// </remarks>
public interface ISignalKind
{
    /// <summary>The name a thesis file uses in <c>kind:</c>, the same for the concept everywhere.</summary>
    string Name { get; }

    /// <summary>Older names that still work in thesis files (documented aliases of <see cref="Name"/>).</summary>
    IReadOnlyList<string> Aliases => [];

    /// <summary>One line for documentation.</summary>
    string Description { get; }

    /// <summary>The parameters it accepts, with defaults (others are an error in the thesis file).</summary>
    IReadOnlyList<MeasurementParameter> Parameters { get; }

    /// <summary>The label words it can produce (a rule testing another word is an error in the thesis file).</summary>
    IReadOnlyList<string> Labels { get; }

    /// <summary>The names of the <see cref="SignalReading.Fields"/> it fills (a rule testing another field is an
    /// error).</summary>
    IReadOnlyList<string> Fields { get; }

    /// <summary>The bounded numbers it gives (<c>value</c> or a field) with their range: a rule threshold outside one
    /// is an error in the thesis file (a number written in another unit).</summary>
    IReadOnlyDictionary<string, ValueRange> Ranges => ValueRange.None;

    /// <summary>The unit of each field that has one, as <see cref="SignalReading.Unit"/> names the value's (the
    /// formatting table writes a <c>fraction</c> in percent); a field not named is a plain number.</summary>
    IReadOnlyDictionary<string, string> FieldUnits => ImmutableDictionary<string, string>.Empty;

    /// <summary>Checks the values of <paramref name="spec"/>'s parameters.</summary>
    /// <exception cref="ThesisException">A parameter value is not valid, naming the signal's line.</exception>
    void Check(SignalSpec spec);

    /// <summary>Measures the signal as of <paramref name="asOf"/>, from rows dated on or before it only.</summary>
    SignalReading Read(SignalSpec spec, IMarketData data, DateOnly asOf);
}

/// <summary>
/// The usual shape of a kind: parse the spec's parameters into options (once per spec: a history reads the same spec on
/// thousands of dates), then read with them. Core parameter validation errors become thesis errors.
/// </summary>
/// <typeparam name="TOptions">The parsed parameters.</typeparam>
public abstract class SignalKind<TOptions> : ISignalKind
{
    /// <summary>The options parsed from each spec instance (specs are immutable records; a failed parse is not
    /// kept).</summary>
    private readonly ConditionalWeakTable<SignalSpec, object> _parsed = [];

    public abstract string Name { get; }
    public virtual IReadOnlyList<string> Aliases => [];
    public abstract string Description { get; }
    public abstract IReadOnlyList<MeasurementParameter> Parameters { get; }
    public abstract IReadOnlyList<string> Labels { get; }
    public abstract IReadOnlyList<string> Fields { get; }
    public virtual IReadOnlyDictionary<string, ValueRange> Ranges => ValueRange.None;
    public virtual IReadOnlyDictionary<string, string> FieldUnits => ImmutableDictionary<string, string>.Empty;

    /// <summary>Parses and validates the parameters of <paramref name="spec"/>.</summary>
    /// <exception cref="ThesisException">A parameter is not valid.</exception>
    /// <exception cref="ArgumentException">A core parameter record refused a value (turned into a
    /// <see cref="ThesisException"/> by <see cref="Check"/>).</exception>
    protected abstract TOptions Parse(SignalSpec spec);

    /// <summary>Measures with parsed options; see <see cref="ISignalKind.Read"/>.</summary>
    protected abstract SignalReading Read(TOptions options, IMarketData data, DateOnly asOf);

    public void Check(SignalSpec spec) => ParseChecked(spec);

    /// <summary>The parsed parameters of <paramref name="spec"/> (parsed once per spec), for views of the same
    /// measurement such as the report's charts.</summary>
    /// <exception cref="ThesisException">A parameter is not valid.</exception>
    public TOptions Options(SignalSpec spec) => ParseChecked(spec);

    /// <summary>
    /// Reads with the parsed options. A core statistic that refuses its data (<see cref="NotMeasurableException"/>,
    /// e.g. a non-positive price or a wrong unit) makes the reading not measurable with the core's message, so one bad
    /// input does not hide the rest of the board. Any other exception is a bug and propagates.
    /// </summary>
    public SignalReading Read(SignalSpec spec, IMarketData data, DateOnly asOf)
    {
        var options = ParseChecked(spec);
        try
        {
            return Read(options, data, asOf);
        }
        catch (NotMeasurableException e)
        {
            return SignalReading.NotMeasurable(e.Message);
        }
    }

    private TOptions ParseChecked(SignalSpec spec)
    {
        if (_parsed.TryGetValue(spec, out var cached)) return (TOptions)cached;
        try
        {
            var options = Parse(spec);
            if (options is not null) _parsed.AddOrUpdate(spec, options);
            return options;
        }
        catch (ArgumentException e)
        {
            throw new ThesisException(spec.Line, $"signal '{spec.Id}': {e.Message}");
        }
    }
}

/// <summary>The signal kinds a thesis may name.</summary>
public sealed class SignalKinds
{
    private readonly Dictionary<string, ISignalKind> _kinds = new(StringComparer.OrdinalIgnoreCase);

    private readonly List<ISignalKind> _all = [];

    public SignalKinds(IEnumerable<ISignalKind> kinds)
    {
        foreach (var k in kinds)
        {
            _all.Add(k);
            foreach (var name in k.Aliases.Prepend(k.Name)) _kinds.Add(name, k);
        }
    }

    /// <summary>Every kind once, in registration order.</summary>
    public IEnumerable<ISignalKind> All => _all;

    /// <summary>The kind called <paramref name="name"/> (its name or an alias), or null.</summary>
    public ISignalKind? Find(string name) => _kinds.GetValueOrDefault(name);

    /// <summary>
    /// Checks every signal of <paramref name="thesis"/>: a known kind, known parameters with valid values, and rules
    /// that test fields and label words the kind produces (a typo would otherwise never match, silently).
    /// </summary>
    /// <exception cref="ThesisException">Naming the line and the problem.</exception>
    public void Validate(ThesisDefinition thesis)
    {
        foreach (var s in thesis.Signals)
        {
            var kind = Find(s.Kind)
                ?? throw new ThesisException(s.Line,
                    $"signal '{s.Id}': unknown kind '{s.Kind}'; known kinds: " +
                    $"{string.Join(", ", _all.Select(k => k.Name).Order())}");
            var names = kind.Parameters.Select(p => p.Name).ToList();
            var unknown = s.Unknown(kind.Parameters);
            if (unknown is not null)
                throw new ThesisException(s.Line,
                    $"signal '{s.Id}': kind '{kind.Name}' has no parameter '{unknown}'; it takes: " +
                    $"{(names.Count > 0 ? string.Join(", ", names) : "none")}");
            kind.Check(s);
            foreach (var (which, rule) in new[] { ("supports", s.Supports), ("against", s.Against) })
                foreach (var clause in rule?.Clauses ?? [])
                    CheckClause(s, kind, which, clause);
        }
    }

    private static void CheckClause(SignalSpec s, ISignalKind kind, string which, RuleClause clause)
    {
        int line = clause.Line > 0 ? clause.Line : s.Line;
        if (clause.Words is not null)
        {
            var bad = clause.Words.FirstOrDefault(w => !kind.Labels.Contains(w, StringComparer.OrdinalIgnoreCase));
            if (bad is not null)
                throw new ThesisException(line,
                    $"signal '{s.Id}' {which}: kind '{kind.Name}' never gives the label '{bad}'; its labels: " +
                    $"{string.Join(", ", kind.Labels)}");
        }
        else if (clause.Field != "value" && !kind.Fields.Contains(clause.Field))
            throw new ThesisException(line,
                $"signal '{s.Id}' {which}: kind '{kind.Name}' has no field '{clause.Field}'; it tests: value, label" +
                $"{string.Concat(kind.Fields.Select(f => ", " + f))}");
        else if (kind.Ranges.TryGetValue(clause.Field, out var range) && !range.Contains(clause.Threshold))
            throw new ThesisException(line, $"signal '{s.Id}' {which}: {clause.Field} {clause.Op} " +
                clause.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                $" is outside what kind '{kind.Name}' gives: {range.Why}");
    }
}

/// <summary>The range of a number a signal kind gives.</summary>
/// <param name="Min">The least it can be.</param>
/// <param name="Max">The most it can be.</param>
/// <param name="Why">What the number is, and how a rule writes it.</param>
public sealed record ValueRange(double Min, double Max, string Why)
{
    /// <summary>No bounded number.</summary>
    public static IReadOnlyDictionary<string, ValueRange> None { get; } = new Dictionary<string, ValueRange>();

    /// <summary>Whether <paramref name="threshold"/> lies in the range.</summary>
    public bool Contains(double threshold) => threshold >= Min && threshold <= Max;
}
