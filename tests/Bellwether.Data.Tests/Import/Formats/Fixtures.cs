using System.Globalization;
using Bellwether.Core.Flows;
using Bellwether.Core.Series;
using Bellwether.Data.Import;
using Bellwether.Data.Store;
using Bellwether.TestSupport;
using Xunit;

namespace Bellwether.Data.Tests.Import.Formats;

/// <summary>A temporary folder for the fixture files a test writes; deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("bellwether-formats-").FullName;

    /// <summary>Writes <paramref name="content"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>One row of a data-folder CSV file, its cells as written.</summary>
public sealed record RawRow(string Date, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells[column];

    /// <summary>The cell as a number; an empty cell is NaN.</summary>
    public double Number(string column) => Cells[column].Length == 0 ? double.NaN : double.Parse(Cells[column], CultureInfo.InvariantCulture);

    public DateOnly Day => DateOnly.ParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Real rows of the data folder, read as plain text (independently of Bellwether's importers), and checks on imports.</summary>
public static class Fixtures
{
    /// <summary>The rows of data-folder file <paramref name="relativePath"/> dated <paramref name="from"/> to <paramref name="to"/> (ISO dates, inclusive).</summary>
    public static List<RawRow> Rows(string relativePath, string from, string to, Func<RawRow, bool>? where = null)
    {
        var lines = File.ReadAllLines(RealData.File(relativePath.Split('/')));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(','))
            .Where(f => string.CompareOrdinal(f[0], from) >= 0 && string.CompareOrdinal(f[0], to) <= 0)
            .Select(f => new RawRow(f[0], header.Select((h, i) => (h, v: f[i])).ToDictionary(p => p.h, p => p.v)))
            .Where(r => where is null || where(r))
            .ToList();
        Assert.NotEmpty(rows);
        return rows;
    }

    /// <summary>Reads a file the way <c>bellwether import</c> does.</summary>
    public static ParsedFile Read(string path, bool skipBad = false, string? format = null) =>
        Importers.Read(path, new ImportOptions(skipBad, format));

    /// <summary>Writes <paramref name="content"/> to a file named <paramref name="name"/> in a temporary folder and reads it the way <c>bellwether import</c> does.</summary>
    public static ParsedFile ReadText(string name, string content, bool skipBad = false, string? format = null)
    {
        using var folder = new TempFolder();
        return Read(folder.Write(name, content), skipBad, format);
    }

    /// <summary>Imports <paramref name="parsed"/> into a fresh temporary store and loads back what <paramref name="load"/> reads.</summary>
    public static T ThroughStore<T>(ParsedFile parsed, Func<BellwetherStore, T> load)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bellwether-formats-{Guid.NewGuid():N}.duckdb");
        try
        {
            using var store = BellwetherStore.Open(path);
            store.Import([parsed], DateTimeOffset.UnixEpoch);
            return load(store);
        }
        finally { File.Delete(path); }
    }

    /// <summary>Imports <paramref name="parsed"/> into a fresh temporary store and loads series <paramref name="id"/> back.</summary>
    public static DailySeries ThroughStore(ParsedFile parsed, string id) => ThroughStore(parsed, store => store.LoadSeries(id));

    /// <summary>Imports <paramref name="parsed"/> into a fresh temporary store and loads flow table <paramref name="id"/> back.</summary>
    public static FlowTable FlowsThroughStore(ParsedFile parsed, string id) => ThroughStore(parsed, store => store.LoadFlows(id));

    /// <summary>Asserts that the file's first series, and series <paramref name="id"/> as the store gives it back, hold exactly the expected bars.</summary>
    public static void AssertReadsBack(IReadOnlyList<(DateOnly Date, double Open, double High, double Low, double Close, double Volume, double MarketCap)> expected, ParsedFile parsed, string id)
    {
        AssertBars(expected, parsed.Series[0]);
        AssertBars(expected, ThroughStore(parsed, id));
    }

    /// <summary>Asserts that <paramref name="series"/> holds exactly the expected days and values (NaN equals NaN).</summary>
    public static void AssertBars(IReadOnlyList<(DateOnly Date, double Open, double High, double Low, double Close, double Volume, double MarketCap)> expected, DailySeries series)
    {
        Assert.Equal(expected.Select(e => e.Date), series.Dates);
        for (int i = 0; i < expected.Count; i++)
        {
            var e = expected[i];
            var context = $"{series.Instrument.Id} {e.Date:yyyy-MM-dd}";
            Assert.True(e.Open.Equals(series.Open[i]), $"{context} open {e.Open} != {series.Open[i]}");
            Assert.True(e.High.Equals(series.High[i]), $"{context} high {e.High} != {series.High[i]}");
            Assert.True(e.Low.Equals(series.Low[i]), $"{context} low {e.Low} != {series.Low[i]}");
            Assert.True(e.Close.Equals(series.Close[i]), $"{context} close {e.Close} != {series.Close[i]}");
            Assert.True(e.Volume.Equals(series.Volume[i]), $"{context} volume {e.Volume} != {series.Volume[i]}");
            Assert.True(e.MarketCap.Equals(series.MarketCap[i]), $"{context} market cap {e.MarketCap} != {series.MarketCap[i]}");
        }
    }

    /// <summary>
    /// Asserts that importing <paramref name="content"/> as a file named <paramref name="name"/> fails naming the file,
    /// the position and the field, and that under <c>--skip-bad</c> the same problem is a counted skip instead (when
    /// <paramref name="skippable"/>).
    /// </summary>
    public static ImportException AssertFails(string name, string content, int position, string field, string reasonPart, bool skippable = true, string positionKind = "line")
    {
        using var folder = new TempFolder();
        var path = folder.Write(name, content);
        var e = Assert.Throws<ImportException>(() => Read(path));
        Assert.Equal(path, e.File);
        Assert.Equal(position, e.Line);
        Assert.Equal(field, e.Field);
        Assert.Equal(positionKind, e.Position);
        Assert.Contains(reasonPart, e.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(path, e.Message);
        Assert.Contains($"'{field}'", e.Message);
        Assert.Contains(positionKind == "line" ? $":{position}:" : $"element {position}:", e.Message);
        if (skippable)
        {
            var parsed = Read(path, skipBad: true);
            Assert.Contains(parsed.Skipped, s => s.Line == position && s.Field == field && s.Position == positionKind);
        }
        else Assert.Throws<ImportException>(() => Read(path, skipBad: true));
        return e;
    }

    /// <summary>Invariant text of a number, as the source files write it.</summary>
    public static string Text(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Unix milliseconds of 00:00 UTC on <paramref name="day"/>.</summary>
    public static long UnixMs(DateOnly day) => (long)(day.DayNumber - new DateOnly(1970, 1, 1).DayNumber) * 86_400_000;
}
