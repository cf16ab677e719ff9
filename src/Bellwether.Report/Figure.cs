using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Bellwether.Core.Charts;
using Bellwether.Core.Text;

namespace Bellwether.Report;

/// <summary>
/// A plotly.js figure: traces and layout as plain objects, serialised as plotly.js expects. Dates are written
/// yyyy-MM-dd and NaN as null (a gap in the line, never a made-up point).
/// </summary>
public sealed class Figure(string id, string title)
{
    public string Id { get; } = id;
    public string Title { get; } = title;
    public List<object> Traces { get; } = [];
    public List<object> Shapes { get; } = [];
    public List<object> Annotations { get; } = [];
    public Dictionary<string, object> Layout { get; } = [];

    /// <summary>A line trace; <paramref name="group"/> ties it to other traces in the legend, and a trace with
    /// <paramref name="inLegend"/> false shows only through its group.</summary>
    public Figure Line(string name, IEnumerable<DateOnly> x, IEnumerable<double> y, string? color = null,
        string? dash = null,
        string yaxis = "y", string? fill = null, double width = 1.6, string? group = null, bool inLegend = true)
    {
        Traces.Add(new Dictionary<string, object?>
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = name, ["x"] = x.ToArray(), ["y"] = y.ToArray(),
            ["yaxis"] = yaxis, ["line"] = new { color, dash, width }, ["fill"] = fill, ["legendgroup"] = group,
            ["showlegend"] = inLegend ? null : false,
        });
        return this;
    }

    /// <summary>Marker points with hover text.</summary>
    public Figure Markers(string name, IEnumerable<DateOnly> x, IEnumerable<double> y, IEnumerable<string> text,
        string color, string symbol = "circle")
    {
        Traces.Add(new Dictionary<string, object?>
        {
            ["type"] = "scatter", ["mode"] = "markers", ["name"] = name, ["x"] = x.ToArray(), ["y"] = y.ToArray(),
            ["text"] = text.ToArray(), ["hoverinfo"] = "x+y+text", ["marker"] = new { color, size = 10, symbol },
        });
        return this;
    }

    /// <summary>Bars (e.g. daily flows).</summary>
    public Figure Bars(string name, IEnumerable<DateOnly> x, IEnumerable<double> y, string color)
    {
        Traces.Add(new Dictionary<string, object?>
        {
            ["type"] = "bar", ["name"] = name, ["x"] = x.ToArray(),
            ["y"] = y.ToArray(), ["marker"] = new { color }
        });
        return this;
    }

    /// <summary>A horizontal line across the plot at <paramref name="y"/>, labelled at its right end (or its left with
    /// <paramref name="labelLeft"/>) on a white backing.</summary>
    public Figure HLine(double y, string color, string label, string dash = "dash", bool labelLeft = false)
    {
        Shapes.Add(new
        {
            type = "line", xref = "paper", x0 = 0, x1 = 1, y0 = y, y1 = y,
            line = new { color, dash, width = 1.2 }
        });
        Annotations.Add(new
        {
            xref = "paper", x = labelLeft ? 0 : 1, y, text = label, showarrow = false, xanchor = labelLeft ? "left"
                : "right",
            yanchor = "bottom", font = new { size = 11, color }, bgcolor = "rgba(255,255,255,0.85)",
        });
        return this;
    }

    /// <summary>
    /// Ranges for a left and a right y axis, each holding its values and zero, with zero at the same height on both
    /// (one zero line, bars on both axes standing on it) and a twentieth of the span as margin at either end.
    /// </summary>
    public static (double[] Left, double[] Right) ZeroAlignedRanges(IEnumerable<double> left, IEnumerable<double> right)
    {
        static (double Lo, double Hi) Span(IEnumerable<double> values)
        {
            var v = values.Where(double.IsFinite).DefaultIfEmpty(0).ToList();
            double lo = Math.Min(0, v.Min()), hi = Math.Max(0, v.Max());
            if (hi - lo == 0) hi = 1;
            double pad = (hi - lo) / 20;
            return (lo - pad, hi + pad);
        }
        var (a, b) = (Span(left), Span(right));
        static double Share((double Lo, double Hi) s) => -s.Lo / (s.Hi - s.Lo);
        // Zero's height as a share of each axis: both take one axis's own (capped so no range collapses), whichever
        // stretches the two ranges less.
        static double[] Fit((double Lo, double Hi) s, double f) =>
            Share(s) < f ? [-f * s.Hi / (1 - f), s.Hi] : Share(s) > f ? [s.Lo, -s.Lo * (1 - f) / f] : [s.Lo, s.Hi];
        static double Stretch(double[] r, (double Lo, double Hi) s) => (r[1] - r[0]) / (s.Hi - s.Lo);
        return new[] { Share(a), Share(b) }.Select(f => Math.Clamp(f, 0.05, 0.95))
            .Select(f => (Left: Fit(a, f), Right: Fit(b, f)))
            .MinBy(p => Stretch(p.Left, a) + Stretch(p.Right, b));
    }

    /// <summary>A log axis labelled at 1, 2 and 5 of each decade the values span (only 1 where they span more than
    /// four decades, 1 to 9 within one), in full numbers: plotly's own labels read "5, 2, 100, 5, 2, 10".</summary>
    public static Dictionary<string, object> LogAxis(IEnumerable<double> values, string? title)
    {
        var v = values.Where(x => double.IsFinite(x) && x > 0).DefaultIfEmpty(1).ToList();
        double lo = v.Min(), hi = v.Max();
        int first = (int)Math.Floor(Math.Log10(lo)), last = (int)Math.Ceiling(Math.Log10(hi));
        double decades = Math.Log10(hi / lo);
        double[] steps = decades > 4 ? [1] : decades > 1 ? [1, 2, 5] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
        var ticks = Enumerable.Range(first, last - first + 1).SelectMany(k => steps.Select(m => m * Math.Pow(10, k)))
            .Where(t => t >= lo / 1.5 && t <= hi * 1.5).ToArray();
        var axis = new Dictionary<string, object>
        {
            ["type"] = "log", ["tickmode"] = "array", ["tickvals"] = ticks,
            ["ticktext"] = ticks.Select(t => ValueText.Number(t, t >= 1 ? "#,##0" : "0.#####")).ToArray(),
        };
        if (title is not null) axis["title"] = new { text = title };
        return axis;
    }

    /// <summary>A shaded horizontal band between two values.</summary>
    public Figure HBand(double y0, double y1, string color)
    {
        Shapes.Add(new
        {
            type = "rect", xref = "paper", x0 = 0, x1 = 1, y0, y1, fillcolor = color, opacity = 0.12,
            line = new { width = 0 }, layer = "below"
        });
        return this;
    }

    /// <summary>A straight segment between two dated points (a trendline).</summary>
    public Figure Segment(DateOnly x0, double y0, DateOnly x1, double y1, string color, string dash = "solid")
    {
        Shapes.Add(new { type = "line", x0 = x0, x1 = x1, y0, y1, line = new { color, dash, width = 2 } });
        return this;
    }

    /// <summary>The plotly.js figure of a chart a measurement described (<see cref="Chart"/>).</summary>
    public static Figure Of(Chart chart)
    {
        var figure = new Figure(chart.Id, chart.Title);
        for (int i = 0; i < chart.Series.Count; i++)
        {
            var s = chart.Series[i];
            // An interval drawn as two lines, the second filled to the first, is one legend entry.
            bool lowerBound = i + 1 < chart.Series.Count && chart.Series[i + 1].Fill == ChartFill.ToPrevious;
            string? group = lowerBound || s.Fill == ChartFill.ToPrevious ? s.Name : null;
            _ = s.Style switch
            {
                SeriesStyle.Bars => figure.Bars(s.Name, s.X, s.Y, s.Color),
                SeriesStyle.Markers => figure.Markers(s.Name, s.X, s.Y, s.Text ?? [], s.Color, s.Symbol),
                _ => figure.Line(s.Name, s.X, s.Y, s.Color, s.Dash, s.SecondAxis ? "y2" : "y", s.Fill switch
                {
                    ChartFill.ToZero => "tozeroy",
                    ChartFill.ToPrevious => "tonexty",
                    _ => null,
                }, s.Width, group, inLegend: !lowerBound),
            };
        }
        foreach (var mark in chart.Marks)
            _ = mark switch
            {
                LevelMark m => figure.HLine(m.Y, m.Color, m.Label, m.Dash, m.LabelLeft),
                BandMark m => figure.HBand(m.From, m.To, m.Color),
                SegmentMark m => figure.Segment(m.X0, m.Y0, m.X1, m.Y1, m.Color, m.Dash),
                CaptionMark m => figure.Caption(m.Text, m.Row),
                _ => throw new ArgumentOutOfRangeException(nameof(chart), mark, "a mark Figure cannot draw"),
            };
        if (chart.GroupBars) figure.Layout["barmode"] = "group";
        var leftValues = chart.Series.Where(s => !s.SecondAxis).SelectMany(s => s.Y).ToList();
        var rightValues = chart.Series.Where(s => s.SecondAxis).SelectMany(s => s.Y).ToList();
        var y = chart.Y.Log && chart.Y.Range is null ? LogAxis(leftValues, chart.Y.Title) : Axis(chart.Y);
        if (y is not null) figure.Layout["yaxis"] = y;
        if (chart.Y2 is { } right)
        {
            var y2 = new Dictionary<string, object>(Axis(right) ?? [])
            {
                ["overlaying"] = "y", ["side"] = "right", ["showgrid"] = false,
            };
            // Values of either sign on two axes (flows and their sums): zero at one height, so one zero line.
            if (chart.Y.Range is null && right.Range is null && !chart.Y.Log && !right.Log
                && leftValues.Concat(rightValues).Any(v => v < 0))
            {
                var (l, r) = ZeroAlignedRanges(leftValues, rightValues);
                figure.Layout["yaxis"] = new Dictionary<string, object>(y ?? []) { ["range"] = l };
                (y2["range"], y2["zeroline"]) = (r, false);
            }
            figure.Layout["yaxis2"] = y2;
        }
        return figure;
    }

    /// <summary>A line of text in the top left corner, on line <paramref name="row"/> (0: the top).</summary>
    private Figure Caption(string text, int row)
    {
        Annotations.Add(new
        {
            xref = "paper", yref = "paper", x = 0, y = 1.0 - 0.07 * row, xanchor = "left", yanchor = "top",
            showarrow = false, font = new { size = 11, color = "#374151" }, text,
        });
        return this;
    }

    /// <summary>An axis as plotly.js layout (null when it sets nothing).</summary>
    private static Dictionary<string, object>? Axis(ChartAxis axis)
    {
        var layout = new Dictionary<string, object>();
        if (axis.Log) layout["type"] = "log";
        if (axis.Range is { } range) layout["range"] = new[] { range.Min, range.Max };
        if (axis.Title is { } title) layout["title"] = new { text = title };
        return layout.Count > 0 ? layout : null;
    }

    /// <summary>The figure as <c>{data, layout}</c> JSON.</summary>
    public string ToJson()
    {
        var layout = new Dictionary<string, object>(Layout)
        {
            ["title"] = new { text = Title, font = new { size = 15 } },
            ["shapes"] = Shapes, ["annotations"] = Annotations,
            ["margin"] = new { l = 60, r = 30, t = 50, b = 40 },
            ["legend"] = new { orientation = "h", y = -0.15 },
            ["hovermode"] = "x unified",
        };
        var node = JsonSerializer.SerializeToNode(new { data = Traces, layout }, Options)!;
        // Every axis makes room for its tick labels and title (a fixed margin clips a right axis's labels, or puts its
        // title over them).
        var axes = node["layout"]!.AsObject();
        foreach (var name in axes.Select(p => p.Key).Where(k => k.StartsWith("xaxis", StringComparison.Ordinal)
                     || k.StartsWith("yaxis", StringComparison.Ordinal)).Union(["xaxis", "yaxis"]).ToList())
        {
            if (axes[name] is not JsonObject axis) axes[name] = axis = [];
            axis["automargin"] = true;
        }
        return node.ToJsonString(Options);
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new NaNAsNull() },
    };

    private sealed class NaNAsNull : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type t, JsonSerializerOptions o) => reader.GetDouble();
        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions o)
        {
            if (double.IsFinite(value)) writer.WriteNumberValue(value); else writer.WriteNullValue();
        }
    }
}
