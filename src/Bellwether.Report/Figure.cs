using System.Text.Json;
using System.Text.Json.Serialization;
using Bellwether.Core.Charts;

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

    /// <summary>A line trace.</summary>
    public Figure Line(string name, IEnumerable<DateOnly> x, IEnumerable<double> y, string? color = null, string? dash = null, string yaxis = "y", string? fill = null, double width = 1.6)
    {
        Traces.Add(new Dictionary<string, object?>
        {
            ["type"] = "scatter", ["mode"] = "lines", ["name"] = name, ["x"] = x.ToArray(), ["y"] = y.ToArray(),
            ["yaxis"] = yaxis, ["line"] = new { color, dash, width }, ["fill"] = fill,
        });
        return this;
    }

    /// <summary>Marker points with hover text.</summary>
    public Figure Markers(string name, IEnumerable<DateOnly> x, IEnumerable<double> y, IEnumerable<string> text, string color, string symbol = "circle")
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
        Traces.Add(new Dictionary<string, object?> { ["type"] = "bar", ["name"] = name, ["x"] = x.ToArray(), ["y"] = y.ToArray(), ["marker"] = new { color } });
        return this;
    }

    /// <summary>A horizontal line across the plot at <paramref name="y"/>.</summary>
    public Figure HLine(double y, string color, string label, string dash = "dash")
    {
        Shapes.Add(new { type = "line", xref = "paper", x0 = 0, x1 = 1, y0 = y, y1 = y, line = new { color, dash, width = 1.2 } });
        Annotations.Add(new { xref = "paper", x = 1, y, text = label, showarrow = false, xanchor = "right", yanchor = "bottom", font = new { size = 11, color } });
        return this;
    }

    /// <summary>A shaded horizontal band between two values.</summary>
    public Figure HBand(double y0, double y1, string color)
    {
        Shapes.Add(new { type = "rect", xref = "paper", x0 = 0, x1 = 1, y0, y1, fillcolor = color, opacity = 0.12, line = new { width = 0 }, layer = "below" });
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
        foreach (var s in chart.Series)
            _ = s.Style switch
            {
                SeriesStyle.Bars => figure.Bars(s.Name, s.X, s.Y, s.Color),
                SeriesStyle.Markers => figure.Markers(s.Name, s.X, s.Y, s.Text ?? [], s.Color, s.Symbol),
                _ => figure.Line(s.Name, s.X, s.Y, s.Color, s.Dash, s.SecondAxis ? "y2" : "y", s.Fill switch
                {
                    ChartFill.ToZero => "tozeroy",
                    ChartFill.ToPrevious => "tonexty",
                    _ => null,
                }, s.Width),
            };
        foreach (var mark in chart.Marks)
            _ = mark switch
            {
                LevelMark m => figure.HLine(m.Y, m.Color, m.Label, m.Dash),
                BandMark m => figure.HBand(m.From, m.To, m.Color),
                SegmentMark m => figure.Segment(m.X0, m.Y0, m.X1, m.Y1, m.Color, m.Dash),
                CaptionMark m => figure.Caption(m.Text, m.Row),
                _ => throw new ArgumentOutOfRangeException(nameof(chart), mark, "a mark Figure cannot draw"),
            };
        if (chart.GroupBars) figure.Layout["barmode"] = "group";
        if (Axis(chart.Y) is { } y) figure.Layout["yaxis"] = y;
        if (chart.Y2 is { } right)
            figure.Layout["yaxis2"] = new Dictionary<string, object>(Axis(right) ?? [])
            {
                ["overlaying"] = "y", ["side"] = "right", ["showgrid"] = false,
            };
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
        return JsonSerializer.Serialize(new { data = Traces, layout }, Options);
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
