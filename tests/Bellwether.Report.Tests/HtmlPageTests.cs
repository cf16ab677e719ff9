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
    public void Dates_and_numbers_with_their_units_are_kept_on_one_line_and_the_rest_wraps()
    {
        var html = new HtmlPage("t", "s")
            .Paragraph("broke out on 2025-11-26, 14 points & −1,439.8 US$ m; 0.51 r, 3 reviews")
            .Table(["since", "value"], [[("2025-12-03", null), ("−221.8 US$ m", "num")]])
            .Render();
        static string Whole(string text) => $"<span class=\"whole\">{text}</span>";
        Assert.Contains($"broke out on {Whole("2025-11-26")}, {Whole("14 points")} &amp; {Whole("−1,439.8 US$ m")}; " +
                        $"{Whole("0.51 r")}, 3 reviews</p>", html);
        Assert.Contains($"<td>{Whole("2025-12-03")}</td><td class=\"num\">{Whole("−221.8 US$ m")}</td>", html);
        Assert.Contains(".whole{white-space:nowrap}", html);
    }

    [Fact]
    public void The_network_check_sees_a_page_request()
    {
        var file = Path.Combine(_dir, "leaky.html");
        File.WriteAllText(file, "<html><body><img src=\"http://127.0.0.1:9/x.png\"></body></html>");
        Assert.Contains("http://127.0.0.1:9/x.png", HeadlessChromium.Load(file, 2000).NetworkUrls);
    }
}
