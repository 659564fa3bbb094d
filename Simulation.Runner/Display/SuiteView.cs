using IsdnSim.Presentation.Benchmarks;

namespace IsdnSim.Runner.Display;

/// <summary>What <c>isdnsim bench --suite</c> prints: the machine and commit, the table of figures, and the scaling series.</summary>
public static class SuiteView
{
    public static void Write(Consoles consoles, SuiteFigures now, SuiteFigures? previous)
    {
        var comparable = SuiteTable.Comparable(now, previous);
        consoles.Text.WriteLine($"Machine: {SuiteMarkdown.Machine(now.Machine)}; load average {now.Machine.LoadBefore} before, {now.Machine.LoadAfter} after");
        consoles.Text.WriteLine($"Commit: {SuiteMarkdown.Commit(now)}; {now.Date}");
        consoles.Text.WriteLine($"Previous: {(comparable is null ? "none" : $"commit {SuiteMarkdown.Commit(comparable)}, {comparable.Date}")}");
        consoles.Text.WriteLine($"Min / median / max over {now.Runs} process runs each, after a warm-up process run{(now.Quick ? "; --quick: small inputs, no targets" : "")}.");
        consoles.Text.Flush();

        // The benchmark, its median, the target and whether it is met matter most; the rest goes first on a narrow terminal.
        int[] drop = [0, 4, 3, 0, 3, 2, 1, 0, 0];
        var table = new FittedTable("bench --suite");
        for (var c = 0; c < SuiteTable.MainHeaders.Count; c++)
        {
            table.AddColumn(SuiteTable.MainHeaders[c], drop[c]);
        }

        foreach (var row in SuiteTable.Main(now, previous))
        {
            table.AddRow(row.Select(c => new FittedTable.Cell(c)));
        }

        table.Write(consoles.Out);
        if (now.Scaling.Count == 0)
        {
            return;
        }

        int[] scalingDrop = [0, 3, 0, 0, 2, 4, 0, 4, 1, 2, 1];
        var scaling = new FittedTable("scaling series, in-process");
        for (var c = 0; c < SuiteTable.ScalingHeaders.Count; c++)
        {
            scaling.AddColumn(SuiteTable.ScalingHeaders[c], scalingDrop[c]);
        }

        foreach (var row in SuiteTable.Scaling(now, previous))
        {
            scaling.AddRow(row.Select(c => new FittedTable.Cell(c)));
        }

        scaling.Write(consoles.Out);
    }
}
