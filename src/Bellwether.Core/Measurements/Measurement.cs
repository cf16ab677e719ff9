using System.Globalization;
using Bellwether.Core.Board;
using Bellwether.Core.Charts;

namespace Bellwether.Core.Measurements;

/// <summary>
/// A concept Bellwether measures (drawdown, record close, correlation, …), defined once: its name, its parameters,
/// its computation over <see cref="IMarketData"/> as of a date, its result and its explanation. A signal is a
/// measurement plus a thesis's rules; a claim is a measurement plus a stated value and tolerance under each reading.
/// Each concept lives in its own folder, <c>Measurements/&lt;Concept&gt;/</c>, with its signal and claim kinds.
/// </summary>
public interface IMeasurement
{
    /// <summary>The concept's one name: the <c>kind:</c> of its signals and claims.</summary>
    string Name { get; }

    /// <summary>Older kind names that still work in thesis and claims files (documented aliases).</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>The parameters of one reading, with defaults (shared by the signal and the claim).</summary>
    IReadOnlyList<MeasurementParameter> Parameters { get; }
}

/// <summary>
/// A measurement with typed parameters and result. Parameters are an immutable record that checks its values in its
/// constructor; <see cref="Measure"/> reads rows dated on or before the as-of date only.
/// </summary>
/// <typeparam name="TParameters">One reading's parameters.</typeparam>
/// <typeparam name="TResult">What one reading measured, in fractions and plain units (formatting is the
/// callers').</typeparam>
public abstract class Measurement<TParameters, TResult> : IMeasurement
    where TParameters : class
    where TResult : class
{
    public abstract string Name { get; }
    public virtual IReadOnlyList<string> Aliases => [];
    public abstract IReadOnlyList<MeasurementParameter> Parameters { get; }

    /// <summary>The parameters of one reading from their text (a thesis signal's <c>params:</c>).</summary>
    /// <exception cref="ThesisException">A value is not valid, naming where it was written.</exception>
    public abstract TParameters Parse(IParameterValues values);

    /// <summary>The parameters with every value at its default (what a thesis signal without <c>params:</c> reads).
    /// </summary>
    public TParameters Defaults => Parse(ParameterValues.None);

    /// <summary>
    /// Measures as of <paramref name="asOf"/> from rows dated on or before it only. The result names the inputs read
    /// (for freshness and provenance) whether or not the data could give the measurement.
    /// </summary>
    /// <exception cref="NotMeasurableException">The data refuses the computation (a price that is not one).
    /// </exception>
    public abstract Measured<TResult> Measure(TParameters parameters, IMarketData data, DateOnly asOf);

    /// <summary>
    /// The measurement's chart as of <see cref="ChartContext.Date"/>, described as data (Bellwether.Report draws it);
    /// null when it has none, or when the data cannot draw it (a note in the context then says why).
    /// </summary>
    public virtual Chart? Chart(TParameters parameters, ChartContext context) => null;
}

/// <summary>What a measurement gave as of a date: a result, or why there is none, and the inputs it read.</summary>
/// <typeparam name="TResult">The measurement's result.</typeparam>
/// <param name="Result">The result; null when not measurable.</param>
/// <param name="Why">Why there is no result ("no data for BTC on or before 2025-12-15"); null when there is one.
/// </param>
/// <param name="Inputs">The series and tables read, with their last dates.</param>
public sealed record Measured<TResult>(TResult? Result, string? Why, IReadOnlyList<SignalInput> Inputs)
    where TResult : class
{
    /// <summary>The signal reading of a measurement without a result.</summary>
    public SignalReading NotMeasurableReading() => SignalReading.NotMeasurable(Why ?? "not measurable", Inputs);
}

/// <summary>Making <see cref="Measured{TResult}"/> values.</summary>
public static class Measured
{
    /// <summary>A result.</summary>
    public static Measured<TResult> Of<TResult>(TResult result, IReadOnlyList<SignalInput> inputs)
        where TResult : class => new(result, null, inputs);

    /// <summary>No result, and why.</summary>
    public static Measured<TResult> NotMeasurable<TResult>(string why, IReadOnlyList<SignalInput> inputs)
        where TResult : class => new(null, why, inputs);

    /// <summary>No result because an input has no row by <paramref name="asOf"/>: names the inputs without data.
    /// </summary>
    public static Measured<TResult> Missing<TResult>(IReadOnlyList<SignalInput> inputs, DateOnly asOf)
        where TResult : class
    {
        var missing = string.Join(", ", inputs.Where(i => i.LastDate is null).Select(i => i.Id));
        return NotMeasurable<TResult>(
            $"no data for {missing} on or before {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", inputs);
    }
}
