namespace Bellwether.Report;

/// <summary>The plotly.js bundle shipped inside the Plotly.NET package, inlined into every report.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var assembly = typeof(Plotly.NET.Chart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The minified plotly.js source.</summary>
    public static string Script => Source.Value;
}
