using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Report.Tests;

public sealed class HtmlPageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bellwether-page-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_page_with_charts_renders_offline_in_chromium()
    {
        DateOnly[] x = [new(2025, 1, 1), new(2025, 1, 2), new(2025, 1, 3)];
        var page = new HtmlPage("Test <page>", "sub")
            .Heading("One")
            .Paragraph("text & more")
            .Chart(new Figure("c1", "Line").Line("a", x, [1, double.NaN, 3]).HLine(2, "#888", "two"))
            .Chart(new Figure("c2", "Bars").Bars("b", x, [1, -2, 3], "#36c"));
        var file = Path.Combine(_dir, "page.html");
        File.WriteAllText(file, page.Render());
        Assert.Contains("Test &lt;page&gt;", File.ReadAllText(file));
        var load = HeadlessChromium.Load(file);
        Assert.Empty(load.ConsoleErrors);
        Assert.Empty(load.NetworkUrls);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(load.Dom, "data-rendered=\"true\""));
        Assert.Contains("main-svg", load.Dom);
    }

    [Fact]
    public void The_network_check_sees_a_page_request()
    {
        var file = Path.Combine(_dir, "leaky.html");
        File.WriteAllText(file, "<html><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>");
        Assert.Contains("http://127.0.0.1:9/x.png", HeadlessChromium.Load(file, 2000).NetworkUrls);
    }
}
