using Bellwether.Core.Structure.Pivots;
using Xunit;
using static Bellwether.Core.Tests.Structure.StructureData;

namespace Bellwether.Core.Tests.Structure.Pivots;

public class SwingPivotsTests
{
    private static readonly DateOnly Start = new(2025, 1, 1);
    private static readonly PivotParameters TwoByTwo = new(2, 2);

    [Fact]
    public void A_flat_top_gives_one_pivot_on_its_first_bar_known_right_bars_later()
    {
        var s = Closes(Start, 1, 3, 2, 5, 4, 5, 3, 2, 1);
        Assert.Empty(SwingPivots.Find(s, PivotKind.High, TwoByTwo, lastIndex: 4));
        var pivot = Assert.Single(SwingPivots.Find(s, PivotKind.High, TwoByTwo, lastIndex: 5));
        Assert.Equal(3, pivot.Index);
        Assert.Equal(5, pivot.Value);
        Assert.Equal(Start.AddDays(5), pivot.ConfirmedDate);
        // Row 5 ties row 3 on its left, so it is not a second pivot even once confirmed.
        Assert.Single(SwingPivots.Find(s, PivotKind.High, TwoByTwo, lastIndex: 8));
    }

    [Fact]
    public void Lows_mirror_highs_and_highs_are_read_from_the_high_column()
    {
        var s = Bars(Start, (10, 8, 9), (11, 7, 8), (14, 5, 6), (12, 6, 7), (13, 8, 12));
        var high = Assert.Single(SwingPivots.Find(s, PivotKind.High, new(1, 1), 4));
        Assert.Equal((2, 14.0), (high.Index, high.Value));
        var low = Assert.Single(SwingPivots.Find(s, PivotKind.Low, new(1, 1), 4));
        Assert.Equal((2, 5.0), (low.Index, low.Value));
    }

    [Fact]
    public void A_NaN_neighbour_is_ignored_and_a_NaN_bar_is_never_a_pivot()
    {
        var s = Closes(Start, 1, double.NaN, 2, 1, 0);
        var pivot = Assert.Single(SwingPivots.Find(s, PivotKind.High, new(1, 1), 4));
        Assert.Equal(2, pivot.Index);
    }

    [Fact]
    public void Bad_sizes_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SwingPivots.Find(Closes(Start, 1, 2, 3), PivotKind.High, new(0, 1), 2));
    }
}
