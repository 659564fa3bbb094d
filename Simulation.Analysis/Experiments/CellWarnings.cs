using System.Globalization;
using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Analysis.Experiments;

/// <summary>The stability warnings of an experiment's cells, for the terminal tables and the reports.</summary>
public static class CellWarnings
{
    /// <summary>
    /// The warnings of one cell of an experiment (a variant or a sweep point): unstable agencies and
    /// mostly unfinished processes. Process names come from the <c>finished_share:</c> metrics, which
    /// are in process order.
    /// </summary>
    public static IReadOnlyList<string> Of(CellSummary cell, IReadOnlyList<MetricDefinition> metrics)
    {
        var names = ProcessNames(metrics);
        var lines = new List<string>();
        lines.AddRange(cell.Unstable.Select(a => $"unstable queue: {StabilityText.UnstableIn(a.Name, a.Organisation, a.UnstableIn, cell.JudgedReplications, a.Utilisation.Mean, a.PresentUtilisation.Mean)}"));
        foreach (var p in cell.MostlyUnfinished)
        {
            var name = p < names.Count ? names[p] : $"process {p + 1}";
            lines.Add($"mostly unfinished: {StabilityText.Process(name, (double)cell.ProcessArrivedAndFinished[p] / cell.ProcessArrived[p])}");
        }

        return lines;
    }

    /// <summary>
    /// One sentence for a cell that is not stable, to name it before the details: "Untere
    /// Bauaufsichtsbehörde (building authority) saturated or growing in 9 of 10 replications;
    /// Building application: 12.0 % of the arrived projects finished."
    /// </summary>
    public static string Summary(CellSummary cell, IReadOnlyList<MetricDefinition> metrics)
    {
        var names = ProcessNames(metrics);
        var parts = cell.Unstable.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Name} ({a.Organisation}) saturated or growing in {a.UnstableIn} of {cell.JudgedReplications} replications"))
            .Concat(cell.MostlyUnfinished.Select(p => string.Create(CultureInfo.InvariantCulture,
                $"{(p < names.Count ? names[p] : $"process {p + 1}")}: {(double)cell.ProcessArrivedAndFinished[p] / cell.ProcessArrived[p]:P1} of the arrived projects finished")))
            .ToList();
        if (parts.Count == 0 && cell.MostlyUnfinishedOverall)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(double)cell.ProcessArrivedAndFinished.Sum() / cell.ProcessArrived.Sum():P1} of the arrived projects finished"));
        }

        return string.Join("; ", parts) + ".";
    }

    /// <summary>The processes' names in the scenario's order, from the <c>finished_share:</c> metrics.</summary>
    public static IReadOnlyList<string> ProcessNames(IReadOnlyList<MetricDefinition> metrics)
    {
        const string prefix = "Arrived and finished: ";
        return [.. metrics.Where(m => m.Key.StartsWith("finished_share:", StringComparison.Ordinal))
            .Select(m => m.Label.StartsWith(prefix, StringComparison.Ordinal) ? m.Label[prefix.Length..] : m.Key)];
    }
}
