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
        const string prefix = "Arrived and finished: ";
        var names = metrics.Where(m => m.Key.StartsWith("finished_share:", StringComparison.Ordinal))
            .Select(m => m.Label.StartsWith(prefix, StringComparison.Ordinal) ? m.Label[prefix.Length..] : m.Key).ToList();
        var lines = new List<string>();
        lines.AddRange(cell.Unstable.Select(a => $"unstable queue: {StabilityText.UnstableIn(a.Name, a.Organisation, a.UnstableIn, cell.JudgedReplications, a.Utilisation.Mean)}"));
        foreach (var p in cell.MostlyUnfinished)
        {
            var name = p < names.Count ? names[p] : $"process {p + 1}";
            lines.Add($"mostly unfinished: {StabilityText.Process(name, (double)cell.ProcessArrivedAndFinished[p] / cell.ProcessArrived[p])}");
        }

        return lines;
    }
}
