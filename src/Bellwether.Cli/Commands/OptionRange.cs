using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Bellwether.Cli.Commands;

/// <summary>
/// Ranges of numeric options, checked while the command line is parsed: a value outside its range is a usage error
/// (exit 2) before any data is read, never an empty table or a run that eats the machine's memory.
/// </summary>
internal static class OptionRange
{
    /// <summary>The longest span in days any option may ask for (a century).</summary>
    public const int MaxDays = 36_500;

    public static Option<int> Between(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<int>(), min, max));
        return option;
    }

    public static Option<int?> Between(this Option<int?> option, int min, int max)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } v) Check(result, option.Name, v, min, max);
        });
        return option;
    }

    public static Option<double> Between(this Option<double> option, double min, double max)
    {
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<double>(), min, max));
        return option;
    }

    private static void Check(OptionResult result, string name, double value, double min, double max)
    {
        if (value >= min && value <= max) return; // false for NaN
        result.AddError($"{name}: {Text(value)} is outside the allowed range {Text(min)} to {Text(max)}");
    }

    private static string Text(double v) => v.ToString("#,0.########", CultureInfo.InvariantCulture);
}
