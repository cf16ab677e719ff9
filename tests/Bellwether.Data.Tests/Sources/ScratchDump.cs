using Bellwether.TestSupport.Sources;
using Xunit;
namespace Bellwether.Data.Tests.Sources;
public sealed class ScratchDump : SourceTests
{
    [Fact]
    public void Dump()
    {
        var lines = new List<string>();
        foreach (var name in Fakes.Names)
        {
            using var bed = new SourceTestBed();
            using var fake = Start(name);
            var o = bed.Run(fake);
            lines.Add($"{name}: {o.Status} rows={o.Rows} skipped={o.Skipped} last={o.LastDate} err={o.Error}");
            lines.AddRange(o.Notes.Select(n => "   note: " + n));
            fake.Now = fake.LatestNow.AddDays(-14);
            using var bed2 = new SourceTestBed();
            var o2 = bed2.Run(fake);
            lines.Add($"  -14d: {o2.Status} rows={o2.Rows} skipped={o2.Skipped} last={o2.LastDate}");
            lines.AddRange(o2.Notes.Select(n => "   note: " + n));
        }
        File.WriteAllLines("/tmp/dedupe-dump.txt", lines);
    }
}
