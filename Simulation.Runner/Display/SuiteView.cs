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
        consoles.Text.WriteLine($"Min / median / max over {now.Runs} process runs each, after a warm-up process run{(now.Quick ? "; --quick: small inputs, no targets" : "")}.");
        consoles.Text.Flush();

        // The benchmark, its median, the target and whether it is met matter most; the rest goes first on a narrow terminal.
        Table("bench --suite", SuiteTable.MainHeaders, [0, 4, 3, 0, 3, 2, 1, 0, 0], SuiteTable.Main(now, previous)).Write(consoles.Out);
        if (now.Scaling.Count > 0)
        {
            Table("scaling series, in-process", SuiteTable.ScalingHeaders, [0, 3, 0, 0, 2, 4, 0, 4, 1, 2, 1], SuiteTable.Scaling(now, previous)).Write(consoles.Out);
        }
    }

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
