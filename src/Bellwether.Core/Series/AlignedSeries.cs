using System.Collections.Immutable;

namespace Bellwether.Core.Series;

/// <summary>
/// Several value columns on the dates they all share (an inner join): nothing is forward-filled, so a crypto
/// weekend simply has no row next to an equity series.
/// </summary>
/// <param name="Ids">Instrument ids, one per column.</param>
/// <param name="Dates">Shared dates, strictly increasing.</param>
/// <param name="Columns"><c>Columns[k][i]</c> is instrument <c>k</c>'s value on <c>Dates[i]</c>.</param>
public sealed record AlignedSeries(string[] Ids, DateOnly[] Dates, double[][] Columns)
{
    public int Count => Dates.Length;

    /// <summary>The column of instrument <paramref name="id"/>.</summary>
    public double[] this[string id] =>
        Columns[Array.IndexOf(Ids, id) is var k and >= 0 ? k : throw new KeyNotFoundException(id)];

    /// <summary>Joins the closes of <paramref name="series"/> on the dates all of them have with a non-NaN
    /// close.</summary>
    public static AlignedSeries InnerJoin(params DailySeries[] series) => InnerJoin(series, s => s.Close);

    /// <summary>Joins a chosen column of each series on the dates all of them have with a non-NaN value.</summary>
    public static AlignedSeries InnerJoin(IReadOnlyList<DailySeries> series,
        Func<DailySeries, ImmutableArray<double>> column)
    {
        if (series.Count == 0) return new AlignedSeries([], [], []);
        var values = series.Select(column).ToArray();
        var cursor = new int[series.Count];
        var dates = new List<DateOnly>();
        var cols = series.Select(_ => new List<double>()).ToArray();
        // Merge-walk: advance every cursor to the largest current date until all agree.
        while (true)
        {
            DateOnly target = DateOnly.MinValue;
            for (int k = 0; k < series.Count; k++)
            {
                if (cursor[k] >= series[k].Count) goto done;
                if (series[k].Dates[cursor[k]] > target) target = series[k].Dates[cursor[k]];
            }
            bool all = true;
            for (int k = 0; k < series.Count; k++)
            {
                var d = series[k].Dates;
                while (cursor[k] < d.Length && d[cursor[k]] < target) cursor[k]++;
                if (cursor[k] >= d.Length) goto done;
                all &= d[cursor[k]] == target;
            }
            if (!all) continue;
            bool finite = true;
            for (int k = 0; k < series.Count; k++) finite &= !double.IsNaN(values[k][cursor[k]]);
            if (finite)
            {
                dates.Add(target);
                for (int k = 0; k < series.Count; k++) cols[k].Add(values[k][cursor[k]]);
            }
            for (int k = 0; k < series.Count; k++) cursor[k]++;
        }
    done:
        return new AlignedSeries(series.Select(s => s.Instrument.Id).ToArray(), [.. dates],
            cols.Select(c => c.ToArray()).ToArray());
    }

    /// <summary>The ratio of two instruments' closes on their common dates, e.g. ETH/BTC, as (dates, values).</summary>
    public static (DateOnly[] Dates, double[] Values) Ratio(DailySeries numerator, DailySeries denominator)
    {
        var joined = InnerJoin(numerator, denominator);
        var ratio = new double[joined.Count];
        for (int i = 0; i < ratio.Length; i++) ratio[i] = joined.Columns[0][i] / joined.Columns[1][i];
        return (joined.Dates, ratio);
    }
}
