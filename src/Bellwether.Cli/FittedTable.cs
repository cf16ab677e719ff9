using Spectre.Console;

namespace Bellwether.Cli;

/// <summary>
/// A table laid out for a terminal width: numbers, dates and ids are never split across lines (they keep their
/// width), text columns wrap into what is left but never narrower than their longest word (an id in a sentence stays
/// whole), long headers give way to short ones, columns close up to one space, headers then fold onto lines of
/// whole words, and optional columns are left out, last first, when the rest would not fit. Cells are Spectre markup
/// (escape plain text); widths count what prints.
/// </summary>
internal sealed class FittedTable(params FittedTable.Column[] columns)
{
    /// <summary>A column: <paramref name="Wraps"/> for free text; <paramref name="Short"/> is the header when space is
    /// short.</summary>
    public sealed record Column(string Header, bool Wraps = false, bool Optional = false, bool Right = false,
        string? Short = null);

    /// <summary>The narrowest a wrapping column gets before optional columns are dropped.</summary>
    private const int MinTextWidth = 10;

    private readonly List<string[]> _rows = [];

    /// <summary>A row of plain text (escaped here).</summary>
    public FittedTable AddText(params string[] cells) => AddRow(cells.Select(Markup.Escape).ToArray());

    /// <summary>A row of markup cells; a number keeps its unit on its line (<see cref="Output.KeepUnits"/>).</summary>
    public FittedTable AddRow(params string[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException(
            $"{cells.Length} cells for {columns.Length} columns");
        _rows.Add(cells.Select(Output.KeepUnits).ToArray());
        return this;
    }

    /// <summary>
    /// Writes the table laid out for the console's width; when even the unsplittable cells are wider, the table is
    /// as wide as they need (a terminal then wraps the lines) rather than cut. Returns the headers of the optional
    /// columns left out, for the caller to say so.
    /// </summary>
    public IReadOnlyList<string> Write(IAnsiConsole console)
    {
        int width = console.Profile.Width;
        var shown = Enumerable.Range(0, columns.Length).ToList();
        int gap = Gap;
        var widths = Widths(shown, width, gap) ?? Widths(shown, width, gap = CompactGap)
            ?? Widths(shown, width, gap, foldHeaders: true);
        while (widths is null && shown.Any(i => columns[i].Optional))
        {
            shown.Remove(shown.Last(i => columns[i].Optional));
            widths = Widths(shown, width, gap);
        }
        widths ??= Widths(shown, int.MaxValue, gap)!;
        console.Profile.Width = Math.Max(width, widths.Sum() + gap * shown.Count + 1);
        try
        {
            console.Write(Render(shown, widths, gap));
        }
        finally
        {
            console.Profile.Width = width;
        }
        return Enumerable.Range(0, columns.Length).Except(shown).Select(i => columns[i].Header).ToList();
    }

    /// <summary>Characters a simple-bordered table spends per column: a space either side and the separator.</summary>
    private const int Gap = 3;

    /// <summary>Closed up: one space to the right of each column and the separator.</summary>
    private const int CompactGap = 2;

    /// <summary>What a markup cell prints.</summary>
    private static string Printed(string markup) => Markup.Remove(markup);

    /// <summary>Each shown column's width within <paramref name="width"/>, or null when they cannot fit;
    /// <paramref name="foldHeaders"/>: a header may take as many lines as it has words.</summary>
    private int[]? Widths(List<int> shown, int width, int gap, bool foldHeaders = false)
    {
        // Each column spends gap characters (padding and separator); the table 1 more at its edge.
        int room = width - gap * shown.Count - 1;
        int Content(int i) => _rows.Select(r => Printed(r[i]).Length).DefaultIfEmpty(0).Max();
        int Word(int i) => _rows.SelectMany(r => Printed(r[i]).Split(' ', '\n')).Select(w => w.Length).DefaultIfEmpty(0)
            .Max();
        var widths = shown.Select(i => Math.Max(Content(i), columns[i].Header.Length)).ToArray();
        if (widths.Sum() <= room) return widths;
        for (int k = 0; k < shown.Count; k++)
            widths[k] = Math.Max(Content(shown[k]), (columns[shown[k]].Short ?? columns[shown[k]].Header).Length);
        if (widths.Sum() <= room) return widths;
        if (foldHeaders)
            for (int k = 0; k < shown.Count; k++)
                widths[k] = Math.Max(Content(shown[k]),
                    (columns[shown[k]].Short ?? columns[shown[k]].Header).Split(' ').Max(w => w.Length));
        if (foldHeaders && widths.Sum() <= room)
        {
            // The room left unfolds headers again, first columns first.
            int spare = room - widths.Sum();
            for (int k = 0; k < shown.Count && spare > 0; k++)
            {
                int grow = Math.Clamp(Header(columns[shown[k]], int.MaxValue).Length - widths[k], 0, spare);
                widths[k] += grow;
                spare -= grow;
            }
        }
        if (widths.Sum() <= room) return widths;
        var text = Enumerable.Range(0, shown.Count).Where(k => columns[shown[k]].Wraps).ToList();
        int left = room - Enumerable.Range(0, shown.Count).Except(text).Sum(k => widths[k]);
        // A text column is never narrower than its longest word: Spectre would split the word.
        var least = text.ToDictionary(k => k, k => Math.Min(widths[k], Math.Max(MinTextWidth, Word(shown[k]))));
        if (text.Count == 0 || left < least.Values.Sum()) return null;
        // Each text column gets its least width; the room beyond that goes to them in equal shares, narrow ones first,
        // and what a narrow one does not need goes to the wider ones.
        int extra = left - least.Values.Sum(), count = text.Count;
        foreach (int k in text.OrderBy(k => widths[k]))
        {
            int share = Math.Min(widths[k] - least[k], extra / count--);
            widths[k] = least[k] + share;
            extra -= share;
        }
        return widths;
    }

    private Table Render(List<int> shown, int[] widths, int gap)
    {
        var table = new Table().Border(TableBorder.Simple);
        for (int k = 0; k < shown.Count; k++)
        {
            var c = columns[shown[k]];
            var column = new TableColumn(Fold(Header(c, widths[k]), widths[k])).Width(widths[k]);
            if (gap == CompactGap) column.Padding(0, 0, 1, 0);
            if (!c.Wraps) column.NoWrap();
            if (c.Right) column.RightAligned();
            table.AddColumn(column);
        }
        foreach (var row in _rows) table.AddRow(shown.Select(i => row[i]).ToArray());
        return table;
    }

    /// <summary>The header a column of <paramref name="width"/> shows: its long one when it fits, else its short
    /// one.</summary>
    private static string Header(Column c, int width) => c.Header.Length <= width ? c.Header : c.Short ?? c.Header;

    /// <summary>A header as markup on lines of whole words no wider than <paramref name="width"/> where it
    /// can.</summary>
    private static string Fold(string header, int width)
    {
        var lines = new List<string>();
        foreach (var word in header.Split(' '))
            if (lines.Count > 0 && lines[^1].Length + 1 + word.Length <= width) lines[^1] += " " + word;
            else lines.Add(word);
        return string.Join("\n", lines.Select(Markup.Escape));
    }
}
