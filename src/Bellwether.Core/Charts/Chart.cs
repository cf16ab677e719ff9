namespace Bellwether.Core.Charts;

/// <summary>
/// A chart described as data: dated series, horizontal and dated marks, and the axes. A measurement draws its chart
/// this way (pure, no plotting library); Bellwether.Report renders it. Colours are CSS colours; dashes are
/// <c>solid</c>, <c>dash</c> or <c>dot</c>; marker symbols <c>circle</c>, <c>diamond</c>, <c>star</c>,
/// <c>triangle-up</c> or <c>x</c>.
/// </summary>
/// <param name="id">The chart's id on the page (<c>chart-drawdown</c>); one chart per id.</param>
/// <param name="title">Its title.</param>
public sealed class Chart(string id, string title)
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public List<ChartSeries> Series { get; } = [];
    public List<ChartMark> Marks { get; } = [];

    /// <summary>The left value axis.</summary>
    public ChartAxis Y { get; set; } = new();

    /// <summary>A second value axis on the right, for series with <see cref="ChartSeries.SecondAxis"/>; null when
    /// none.</summary>
    public ChartAxis? Y2 { get; set; }

    /// <summary>Bars of several series side by side on a date (else overlaid).</summary>
    public bool GroupBars { get; set; }

    /// <summary>A line.</summary>
    public Chart Line(string name, IEnumerable<DateOnly> x, IEnumerable<double> y, string color, string? dash = null,
        bool secondAxis = false, ChartFill fill = ChartFill.None, double width = 1.6)
    {
        Series.Add(new ChartSeries(name, SeriesStyle.Line, [.. x], [.. y], color)
        {
            Dash = dash, SecondAxis = secondAxis, Fill = fill, Width = width,
        });
        return this;
    }

    /// <summary>Marker points, each with a text shown on hover.</summary>
    public Chart Markers(string name, IEnumerable<DateOnly> x, IEnumerable<double> y, IEnumerable<string> text,
        string color, string symbol = "circle")
    {
        Series.Add(new ChartSeries(name, SeriesStyle.Markers, [.. x], [.. y], color)
        {
            Text = [.. text], Symbol = symbol,
        });
        return this;
    }

    /// <summary>Bars.</summary>
    public Chart Bars(string name, IEnumerable<DateOnly> x, IEnumerable<double> y, string color)
    {
        Series.Add(new ChartSeries(name, SeriesStyle.Bars, [.. x], [.. y], color));
        return this;
    }

    /// <summary>A labelled horizontal line across the chart, labelled at its right end, or at its left with
    /// <paramref name="labelLeft"/> (where a line ending above the level would cover the label).</summary>
    public Chart Level(double y, string color, string label, string dash = "dash", bool labelLeft = false)
    {
        Marks.Add(new LevelMark(y, color, label, dash) { LabelLeft = labelLeft });
        return this;
    }

    /// <summary>A shaded horizontal band.</summary>
    public Chart Band(double from, double to, string color)
    {
        Marks.Add(new BandMark(from, to, color));
        return this;
    }

    /// <summary>A straight segment between two dated points (a trendline).</summary>
    public Chart Segment(DateOnly x0, double y0, DateOnly x1, double y1, string color, string dash = "solid")
    {
        Marks.Add(new SegmentMark(x0, y0, x1, y1, color, dash));
        return this;
    }

    /// <summary>A line of text in the chart's top left corner, on line <paramref name="row"/> (0: the top).</summary>
    public Chart Caption(int row, string text)
    {
        Marks.Add(new CaptionMark(text, row));
        return this;
    }
}

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    Line,
    Markers,
    Bars,
}

/// <summary>What a line's area is filled to.</summary>
public enum ChartFill
{
    None,

    /// <summary>To the value 0.</summary>
    ToZero,

    /// <summary>To the series drawn before it (an interval between two lines).</summary>
    ToPrevious,
}

/// <summary>One series of a <see cref="Chart"/>; NaN values are gaps, never made-up points.</summary>
/// <param name="Name">Its name in the legend.</param>
/// <param name="Style">Line, markers or bars.</param>
/// <param name="X">The dates.</param>
/// <param name="Y">The values, one per date.</param>
/// <param name="Color">Its colour.</param>
public sealed record ChartSeries(
    string Name, SeriesStyle Style, IReadOnlyList<DateOnly> X, IReadOnlyList<double> Y, string Color)
{
    /// <summary>A line's dash (null: solid).</summary>
    public string? Dash { get; init; }

    /// <summary>A line's width.</summary>
    public double Width { get; init; } = 1.6;

    /// <summary>True when read on the right-hand axis (<see cref="Chart.Y2"/>).</summary>
    public bool SecondAxis { get; init; }

    /// <summary>A line's fill.</summary>
    public ChartFill Fill { get; init; }

    /// <summary>Markers' hover texts, one per point.</summary>
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>Markers' symbol.</summary>
    public string Symbol { get; init; } = "circle";
}

/// <summary>A value axis.</summary>
/// <param name="Title">Its title, or null.</param>
/// <param name="Log">A log scale.</param>
/// <param name="Range">Fixed bounds, or null for the data's.</param>
public sealed record ChartAxis(string? Title = null, bool Log = false, (double Min, double Max)? Range = null);

/// <summary>A mark drawn over a chart's series.</summary>
public abstract record ChartMark;

/// <summary>A labelled horizontal line at <paramref name="Y"/>.</summary>
public sealed record LevelMark(double Y, string Color, string Label, string Dash) : ChartMark
{
    /// <summary>The label sits at the chart's left end (else its right).</summary>
    public bool LabelLeft { get; init; }
}

/// <summary>A shaded band from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record BandMark(double From, double To, string Color) : ChartMark;

/// <summary>A straight segment between two dated points.</summary>
public sealed record SegmentMark(DateOnly X0, double Y0, DateOnly X1, double Y1, string Color, string Dash) : ChartMark;

/// <summary>A line of text in the top left corner; <paramref name="Row"/> 0 is the top line.</summary>
public sealed record CaptionMark(string Text, int Row) : ChartMark;
