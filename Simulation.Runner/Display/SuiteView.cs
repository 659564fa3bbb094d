using IsdnSim.Presentation.Benchmarks;

namespace IsdnSim.Runner.Display;

/// <summary>What <c>isdnsim bench --suite</c> prints: the machine and commit, the table of figures, and the scaling series.</summary>
public static class SuiteView
{
    public static void Write(Consoles consoles, SuiteFigures now, SuiteFigures? previous)
    {
        var comparable = SuiteTable.Comparable(now, previous);
        consoles.Text.WriteLine($"Machine: {SuiteMarkdown.Machine(now.Machine)}; load average {now.Machine.LoadBefore} before, {now.Machine.LoadAfter} after; time stolen by the host {now.Machine.Steal}");
        consoles.Text.WriteLine($"Commit: {SuiteMarkdown.Commit(now)}; {now.Date}");
        consoles.Text.WriteLine($"Previous: {(comparable is null ? "none" : $"commit {SuiteMarkdown.Commit(comparable)}, {comparable.Date}")}");
        if (now.Base is not null)
        {
            consoles.Text.WriteLine($"Base (--against): {now.Base}; process runs in turn with it, now / base taken pair by pair");
        }

        consoles.Text.WriteLine($"Min / median / max over {now.Runs} process runs each, after a warm-up process run{(now.Quick ? "; --quick: small inputs, no targets" : "")}.");
        consoles.Text.Flush();

        // The benchmark, its median, the target and whether it is met matter most; the rest goes first on a narrow terminal.
        // With a base build, now / base matters as much as the median; its median goes before it.
        Table("bench --suite", SuiteTable.MainHeadersOf(now), Drop(now, [0, 4, 3, 0, 3, 2, 1], [0, 0]), SuiteTable.Main(now, previous)).Write(consoles.Out);
        if (now.Scaling.Count > 0)
        {
            Table("scaling series, in-process", SuiteTable.ScalingHeadersOf(now), Drop(now, [0, 3, 0, 0, 2, 4, 0, 4, 1, 2, 1], []), SuiteTable.Scaling(now, previous)).Write(consoles.Out);
        }
    }

    /// <summary>The drop order of the columns: <paramref name="before"/> those up to "now / previous", then the paired ones if any, then <paramref name="after"/>.</summary>
    private static int[] Drop(SuiteFigures now, int[] before, int[] after) =>
        now.Base is null ? [.. before, .. after] : [.. before, 2, 0, .. after];

    private static FittedTable Table(string title, IReadOnlyList<string> headers, int[] drop, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new FittedTable(title);
        for (var c = 0; c < headers.Count; c++)
        {
            table.AddColumn(headers[c], drop[c]);
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(c => new FittedTable.Cell(c)));
        }

        return table;
    }
}
