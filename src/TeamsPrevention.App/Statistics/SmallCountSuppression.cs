namespace TeamsPrevention.App.Statistics;

/// <summary>
/// Small-count suppression of a table of counts with optional row and column totals.
/// <para>
/// Primary: every cell, totals included, below the minimum is suppressed (zero too: the rule is "below the
/// minimum", and a suppressed zero is indistinguishable from a suppressed 3).
/// Secondary: each published equation (the cells of a row or column and their total) must hide none or at least two
/// of its members, otherwise the hidden one is the total minus the others. While some equation hides exactly one,
/// the smallest visible cell of it is suppressed too (its total only when no cell is left); repeated to a fixed point,
/// across rows, columns and the totals' own row and column.
/// </para>
/// <para>
/// Limit: this prevents recomputation from any single equation; it does not solve the whole system of equations
/// (a linear-programming audit), which a table of this size and these thresholds does not warrant.
/// </para>
/// </summary>
public static class SmallCountSuppression
{
    /// <summary>
    /// Decides which cells to hide. <paramref name="counts"/> is R×C; the result is (R+1)×(C+1): the last row holds
    /// the column totals, the last column the row totals, the corner the grand total (positions whose totals are not
    /// published stay false).
    /// </summary>
    public static bool[,] Suppress(int[,] counts, bool rowTotals, bool columnTotals, int minimum)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var values = Extend(counts, rowTotals, columnTotals);
        var hidden = new bool[rows + 1, columns + 1];
        foreach (var (r, c) in Positions(rows, columns, rowTotals, columnTotals))
        {
            hidden[r, c] = values[r, c] < minimum;
        }

        var equations = Equations(rows, columns, rowTotals, columnTotals);
        bool changed;
        do
        {
            changed = false;
            foreach (var (members, total) in equations)
            {
                if (members.Count(p => hidden[p.R, p.C]) + (hidden[total.R, total.C] ? 1 : 0) != 1)
                {
                    continue;
                }

                var visible = members.Where(p => !hidden[p.R, p.C]).ToList();
                var (r, c) = visible.Count > 0 ? visible.MinBy(p => values[p.R, p.C]) : total;
                hidden[r, c] = true;
                changed = true;
            }
        }
        while (changed);

        return hidden;
    }

    /// <summary>The counts with their totals in the last row and column (see <see cref="Suppress"/>).</summary>
    public static int[,] Extend(int[,] counts, bool rowTotals, bool columnTotals)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var values = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values[r, c] = counts[r, c];
                values[r, columns] += counts[r, c];
                values[rows, c] += counts[r, c];
                values[rows, columns] += counts[r, c];
            }
        }

        return values;
    }

    private static IEnumerable<(int R, int C)> Positions(int rows, int columns, bool rowTotals, bool columnTotals)
    {
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                var inRowTotals = c == columns;
                var inColumnTotals = r == rows;
                if ((!inRowTotals || rowTotals) && (!inColumnTotals || columnTotals) && (!(inRowTotals && inColumnTotals) || (rowTotals && columnTotals)))
                {
                    yield return (r, c);
                }
            }
        }
    }

    private static List<(List<(int R, int C)> Members, (int R, int C) Total)> Equations(int rows, int columns, bool rowTotals, bool columnTotals)
    {
        var equations = new List<(List<(int R, int C)>, (int R, int C))>();
        if (columnTotals)
        {
            for (var c = 0; c < columns + (rowTotals ? 1 : 0); c++)
            {
                equations.Add(([.. Enumerable.Range(0, rows).Select(r => (r, c))], (rows, c)));
            }
        }

        if (rowTotals)
        {
            for (var r = 0; r < rows + (columnTotals ? 1 : 0); r++)
            {
                equations.Add(([.. Enumerable.Range(0, columns).Select(c => (r, c))], (r, columns)));
            }
        }

        return equations;
    }
}
