using System.Globalization;

namespace Bellwether.Core.Text;

/// <summary>A signal's headline value with its unit, as the board and the report's summary print it.</summary>
public static class ValueText
{
    /// <summary><paramref name="v"/> in <paramref name="unit"/> (<c>+3.6%</c>, <c>−100 bp</c>, <c>0.51 r</c>); empty for NaN.</summary>
    public static string Of(double v, string unit)
    {
        if (double.IsNaN(v)) return "";
        var inv = CultureInfo.InvariantCulture;
        return unit switch
        {
            "%" => v.ToString("+0.0;−0.0;0.0", inv) + "%",
            "pp" => v.ToString("+0.0;−0.0;0.0", inv) + " pp",
            "bp" => v.ToString("+0;−0;0", inv) + " bp",
            "US$ m" or "US$ bn" => v.ToString("+#,##0.0;−#,##0.0;0.0", inv) + " " + unit,
            "" => v.ToString("#,##0.######", inv),
            _ => v.ToString("0.##", inv) + " " + unit,
        };
    }
}
