using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Presentation.Output;

/// <summary>
/// What goes into a run's folder, including one that stopped early: replications 0..k-1 and
/// nothing else, the figures over them, and the command that gives the same files again.
/// </summary>
public static class RunFolder
{
    /// <summary>
    /// The finished replications the folder holds, 0 to k-1 where k is the first missing one, and
    /// those that finished after a gap and are left out: so that '--replications k' reproduces the
    /// folder to the byte.
    /// </summary>
    public static (IReadOnlyList<ReplicationResult> Kept, IReadOnlyList<int> LeftOut) Contiguous(IReadOnlyDictionary<int, ReplicationResult> finished)
    {
        var kept = 0;
        while (finished.ContainsKey(kept))
        {
            kept++;
        }

        return ([.. Enumerable.Range(0, kept).Select(r => finished[r])], [.. finished.Keys.Where(r => r >= kept).Order()]);
    }

    /// <summary>
    /// The command line that gives the same result files: the scenario, variant, seed, replications
    /// and time span, every one spelt out; a check's (with the observed file) when <paramref name="observed"/> is given.
    /// </summary>
    public static string ReproduceCommand(string file, SimulationModel model, int replications, string? horizon, string? warmup, string? observed = null)
    {
        static string Quote(string arg) => arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '+')
            ? arg
            : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
        var parts = observed is null
            ? new List<string> { "isdnsim", "run", Quote(file) }
            : ["isdnsim", "check", Quote(file), "--observed", Quote(observed)];
        if (model.Definition.AppliedVariant is { } variant)
        {
            parts.AddRange(["--variant", Quote(variant)]);
        }

        parts.AddRange(["--seed", model.Seed.ToString(CultureInfo.InvariantCulture), "--replications", replications.ToString(CultureInfo.InvariantCulture)]);
        if (horizon is not null)
        {
            parts.AddRange(["--horizon", Quote(horizon)]);
        }

        if (warmup is not null)
        {
            parts.AddRange(["--warmup", Quote(warmup)]);
        }

        return string.Join(' ', parts);
    }

    /// <summary>Computes the figures over <paramref name="results"/> and writes the folder (atomically); returns the figures.</summary>
    public static RunSummary Write(string directory, SimulationModel model, IReadOnlyList<ReplicationResult> results, RunManifest manifest)
    {
        // The figures are computed while the files that do not need them are written.
        return ResultWriter.Write(directory, model, results, () => RunSummary.Build(model, [.. results.Select(r => ReplicationFigures.Compute(model, r))]), manifest);
    }
}
