using IsdnSim.Analysis.Storage;
using IsdnSim.Analysis.Validation;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// A check's folder: check.csv (each observation against the model) and manifest.json, written
/// atomically. check.csv depends only on the scenario, the observed file, the variant, seed and
/// replications, never on the engine.
/// </summary>
public static class CheckOutput
{
    /// <summary>check.csv: one row per observation, in the observed file's order (docs/experiments.md, "check").</summary>
    internal static readonly CsvTable<ObservedComparison> Check = new CsvTable<ObservedComparison>()
        .Column("line", (in r) => r.Row.Line)
        .Column("process", (in r) => r.Row.Process)
        .Column("region", (in r) => r.Row.Region)
        .Column("statistic", (in r) => r.Row.Statistic.Text)
        .Column("unit", (in r) => r.Row.Unit)
        .Column("observed", (in r) => r.Row.Value)
        .Estimate("simulated", "ci_low", "ci_high", (in r) => r.Simulated)
        .Column("replications", (in r) => r.Replications)
        .Column("replications_with_value", (in r) => r.WithValue)
        .Column("projects", (in r) => r.Counted)
        .Column("finished_share", (in r) => r.FinishedShare)
        .Column("observation", (in r) => CheckWords.Position(r.Position))
        .Column("model", (in r) => CheckWords.Pace(r.Pace))
        .Column("source", (in r) => r.Row.Source);

    /// <summary>Writes the folder all or nothing; <paramref name="directory"/> must not exist or be empty.</summary>
    public static void Write(string directory, ObservedCheck check, CheckManifest manifest)
    {
        using var output = AtomicOutput.Begin(directory);
        Check.Write(output.PathOf("check.csv"), check.Rows);
        manifest.Write(output.PathOf("manifest.json"));
        ResultGuide.Write(output.StagingDirectory, "check");
        output.Commit();
    }
}
