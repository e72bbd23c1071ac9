using TeamsPrevention.App.Statistics;

namespace TeamsPrevention.Tests.Statistics;

/// <summary>Primary and secondary suppression: no cell below the minimum shows, and no total gives one back.</summary>
public sealed class SmallCountSuppressionTests
{
    [Fact]
    public void HidesEveryCellBelowTheMinimumZeroIncluded()
    {
        var hidden = SmallCountSuppression.Suppress(new[,] { { 0 }, { 4 }, { 5 }, { 9 } }, rowTotals: false, columnTotals: false, minimum: 5);

        Assert.Equal([true, true, false, false], Enumerable.Range(0, 4).Select(r => hidden[r, 0]));
    }

    [Fact]
    public void HidesTheSmallestOtherCellWhenTheTotalWouldGiveBackTheOnlyHiddenOne()
    {
        // 10 + 3 + 8 = 21: with 3 alone hidden, 21 - 10 - 8 gives it back; 8 goes too.
        var hidden = SmallCountSuppression.Suppress(new[,] { { 10 }, { 3 }, { 8 } }, rowTotals: false, columnTotals: true, minimum: 5);

        Assert.Equal([false, true, true, false], Enumerable.Range(0, 4).Select(r => hidden[r, 0]));
    }

    [Fact]
    public void HidesTheTotalWhenNoOtherCellIsLeft()
    {
        var hidden = SmallCountSuppression.Suppress(new[,] { { 3 } }, rowTotals: false, columnTotals: true, minimum: 2);

        Assert.False(hidden[0, 0]);
        hidden = SmallCountSuppression.Suppress(new[,] { { 1 }, { 7 } }, rowTotals: false, columnTotals: true, minimum: 2);
        Assert.Equal([true, true, false], Enumerable.Range(0, 3).Select(r => hidden[r, 0]));
        hidden = SmallCountSuppression.Suppress(new[,] { { 1 } }, rowTotals: false, columnTotals: true, minimum: 2);
        Assert.True(hidden[0, 0] && hidden[1, 0]);
    }

    [Fact]
    public void LeavesNoRowColumnOrTotalEquationWithASingleHiddenMemberInRandomTables()
    {
        var random = new Random(20260304);
        for (var run = 0; run < 500; run++)
        {
            var rows = random.Next(1, 8);
            var columns = random.Next(1, 6);
            var counts = new int[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    counts[r, c] = random.Next(0, 3) == 0 ? random.Next(0, 5) : random.Next(5, 40);
                }
            }

            var minimum = random.Next(2, 7);
            var hidden = SmallCountSuppression.Suppress(counts, rowTotals: true, columnTotals: true, minimum);
            var values = SmallCountSuppression.Extend(counts, true, true);

            for (var r = 0; r <= rows; r++)
            {
                for (var c = 0; c <= columns; c++)
                {
                    Assert.True(values[r, c] >= minimum || hidden[r, c], $"run {run}: {values[r, c]} at ({r},{c}) is below {minimum} and shown");
                }
            }

            for (var r = 0; r <= rows; r++)
            {
                var count = Enumerable.Range(0, columns + 1).Count(c => hidden[r, c]);
                Assert.True(count != 1, $"run {run}: row {r} hides exactly one member");
            }

            for (var c = 0; c <= columns; c++)
            {
                var count = Enumerable.Range(0, rows + 1).Count(r => hidden[r, c]);
                Assert.True(count != 1, $"run {run}: column {c} hides exactly one member");
            }
        }
    }
}
