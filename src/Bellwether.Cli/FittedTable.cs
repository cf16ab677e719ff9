using Spectre.Console;

namespace Bellwether.Cli;

/// <summary>
/// A table laid out for a terminal width: numbers, dates and ids are never split across lines (they keep their
/// width), text columns wrap into what is left, long headers give way to short ones, and optional columns are left
/// out, last first, when the rest would not fit. Cells are plain text.
/// </summary>
internal sealed class FittedTable(params FittedTable.Column[] columns)
{
    /// <summary>A column: <paramref name="Wraps"/> for free text; <paramref name="Short"/> is the header when space is short.</summary>
    public sealed record Column(string Header, bool Wraps = false, bool Optional = false, bool Right = false, string? Short = null);

    /// <summary>The narrowest a wrapping column gets before optional columns are dropped.</summary>
    private const int MinTextWidth = 12;

    private readonly List<string[]> _rows = [];

    public FittedTable AddRow(params string[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"{cells.Length} cells for {columns.Length} columns");
        _rows.Add(cells);
        return this;
    }

    /// <summary>
    /// Writes the table laid out for the console's width; when even the unsplittable cells are wider, the table is
    /// as wide as they need (a terminal then wraps the lines) rather than cut.
    /// </summary>
    public void Write(IAnsiConsole console)
    {
        int width = console.Profile.Width;
        var shown = Enumerable.Range(0, columns.Length).ToList();
        var widths = Widths(shown, width);
        while (widths is null && shown.Any(i => columns[i].Optional))
        {
            shown.Remove(shown.Last(i => columns[i].Optional));
            widths = Widths(shown, width);
        }
        widths ??= Widths(shown, int.MaxValue)!;
        console.Profile.Width = Math.Max(width, widths.Sum() + 3 * shown.Count + 1);
        try
        {
            console.Write(Render(shown, widths));
        }
        finally
        {
            console.Profile.Width = width;
        }
    }

    /// <summary>Each shown column's width within <paramref name="width"/>, or null when they cannot fit.</summary>
    private int[]? Widths(List<int> shown, int width)
    {
        // A simple-bordered table spends 3 characters per column (padding and separator) and 1 at the edge.
        int room = width - 3 * shown.Count - 1;
        int Content(int i) => _rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max();
        var widths = shown.Select(i => Math.Max(Content(i), columns[i].Header.Length)).ToArray();
        if (widths.Sum() <= room) return widths;
        for (int k = 0; k < shown.Count; k++)
            widths[k] = Math.Max(Content(shown[k]), (columns[shown[k]].Short ?? columns[shown[k]].Header).Length);
        if (widths.Sum() <= room) return widths;
        var text = Enumerable.Range(0, shown.Count).Where(k => columns[shown[k]].Wraps).ToList();
        int left = room - Enumerable.Range(0, shown.Count).Except(text).Sum(k => widths[k]);
        if (text.Count == 0 || left < MinTextWidth * text.Count) return null;
        // Narrow text columns keep their width; the room they leave goes to the wider ones.
        int count = text.Count;
        foreach (int k in text.OrderBy(k => widths[k]))
        {
            widths[k] = Math.Min(widths[k], left / count--);
            left -= widths[k];
        }
        return widths;
    }

    private Table Render(List<int> shown, int[] widths)
    {
        var table = new Table().Border(TableBorder.Simple);
        for (int k = 0; k < shown.Count; k++)
        {
            var c = columns[shown[k]];
            var header = c.Header.Length <= widths[k] ? c.Header : c.Short ?? c.Header;
            var column = new TableColumn(Markup.Escape(header)).Width(widths[k]);
            if (!c.Wraps) column.NoWrap();
            if (c.Right) column.RightAligned();
            table.AddColumn(column);
        }
        foreach (var row in _rows) table.AddRow(shown.Select(i => Markup.Escape(row[i])).ToArray());
        return table;
    }
}
