using System.Globalization;
using System.Text;

namespace IsdnSim.Presentation.Benchmarks;

/// <summary>The suite's block of BENCHMARKS.md (between the markers of <see cref="BenchmarksDocument"/>), written from one run.</summary>
public static class SuiteMarkdown
{
    /// <summary>The build a reader makes before the suite's command.</summary>
    public const string Build = "dotnet build -c Release";

    /// <summary>Where that build puts isdnsim, relative to the repository's root.</summary>
    public const string BuiltAssembly = "Simulation.Runner/bin/Release/net10.0/isdnsim.dll";

    /// <summary>The suite's command as a reader types it from the repository's root, with the options <paramref name="arguments"/> of the run.</summary>
    public static string Command(string arguments) => $"dotnet {BuiltAssembly} {arguments}";

    public static string Block(SuiteFigures now, SuiteFigures? previous)
    {
        var comparable = SuiteTable.Comparable(now, previous);
        var text = new StringBuilder();
        text.Append("## The benchmark suite\n\n");
        text.Append("Written by `isdnsim bench --suite --write` (with benchmarks/suite.json); do not edit between the\n");
        text.Append("markers, the next run replaces it. To reproduce, from the repository's root:\n\n");
        text.Append("```sh\n").Append(Build).Append('\n').Append(Command(now.Command)).Append('\n').Append("```\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Each figure is the min / median / max over {now.Runs} separate process runs of isdnsim, after one\n");
        text.Append("warm-up process run of each benchmark; the runs go in rounds, every benchmark once a round, so a busy\n");
        text.Append("spell of the machine falls on all of them. A simulate time is the median of the runs inside one `bench`\n");
        text.Append("process (`--runs`, after one untimed replication; enough runs that the few the JIT is still tiering up\n");
        text.Append("do not decide the median), an end-to-end time the whole `run` process from start to exit, with its peak working\n");
        text.Append("set sampled from outside every 10 ms. A ratio is taken round by round. \"previous\" is the median of the\n");
        text.Append("last written run; \"now / previous\" above 1 is a regression for a time or memory (below 1 for events\n");
        text.Append("per second). The targets are issue 13's, met when the median meets them. Wall times on a shared\n");
        text.Append("machine vary with its load, and on a virtual machine with the time its host takes for others (steal):\n");
        text.Append("compare figures taken at similar load averages and steal.");
        if (now.Base is not null)
        {
            text.Append(" This run went against a base build (`--against DIR`, DIR a checkout built with\n");
            text.Append("`dotnet build -c Release`): every process run of this build had one of the base build beside it,\n");
            text.Append("on the same scenario files, the two in turn and which went first alternating from round to round;\n");
            text.Append("\"now / base\" is the median (min-max) of the ratios taken pair by pair, which a busy spell of the\n");
            text.Append("machine moves far less than it moves either build's own figures.");
        }

        text.Append("\n\n");
        text.Append(CultureInfo.InvariantCulture, $"- Machine: {Machine(now.Machine)}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Load average (1 min): {now.Machine.LoadBefore} before, {now.Machine.LoadAfter} after; processor time stolen by the host: {now.Machine.Steal}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Commit: {Commit(now)}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Date: {now.Date}\n");
        text.Append(CultureInfo.InvariantCulture, $"- Previous: {(comparable is null ? "none" : $"commit {Commit(comparable)}, {comparable.Date}")}\n");
        if (now.Base is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"- Base (paired, `--against`): {now.Base}\n");
        }

        text.Append('\n');
        Table(text, SuiteTable.MainHeadersOf(now), SuiteTable.Main(now, previous));
        if (now.Scaling.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nScaling series: a region written by `isdnsim generate --seed 1` with {SuitePlan.ScalingBase.Municipalities} municipalities and\n");
            text.Append(CultureInfo.InvariantCulture, $"{SuitePlan.ScalingBase.Districts} districts (1x), 4x and 16x both, simulated in-process for one year; and the 1x region for 1, 4\n");
            text.Append("and 16 years. The exponents above are fitted by least squares to log time on log agents (or years).\n\n");
            Table(text, SuiteTable.ScalingHeadersOf(now), SuiteTable.Scaling(now, previous));
        }

        text.Append("\nThe process runs:\n\n```sh\n");
        foreach (var command in now.ProcessCommands)
        {
            text.Append(command).Append('\n');
        }

        text.Append("```\n");
        return text.ToString();
    }

    public static string Machine(SuiteMachine machine) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine.Cores} cores ({machine.Cpu}), {machine.MemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB, {machine.Os}, .NET {machine.Dotnet}");

    public static string Commit(SuiteFigures figures) => Commit(figures.Commit, figures.Dirty);

    /// <summary>A commit as the suite names it, marked when the tree had changes not committed.</summary>
    public static string Commit(string commit, bool dirty) => dirty ? $"{commit} (with uncommitted changes)" : commit;

    private static void Table(StringBuilder text, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        text.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        text.Append('|').AppendJoin("", headers.Select(_ => "---|")).Append('\n');
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).Append(" |\n");
        }
    }
}
