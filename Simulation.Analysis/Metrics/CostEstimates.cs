using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// The costs over the replications of a run, euros a year unless named otherwise. The yearly costs
/// vary between replications only where staffing does; the cost per finished project varies with
/// the projects finished.
/// </summary>
/// <param name="ByLevel">Each level that has any cost, in level order.</param>
/// <param name="Lines">Each cost line with its mean over the replications (posts and euros).</param>
public sealed record CostEstimates(
    Estimate Administration,
    Estimate Companies,
    Estimate Total,
    Estimate PerFinishedProject,
    Estimate PerFinishedProjectAll,
    IReadOnlyList<(string Level, bool InPublicBudget, Estimate Cost)> ByLevel,
    IReadOnlyList<CostLine> Lines)
{
    /// <summary>Null when the replications have no costs (the scenario has none).</summary>
    public static CostEstimates? Of(IReadOnlyList<CostFigures?> replications)
    {
        if (replications.Count == 0 || replications.Any(r => r is null))
        {
            return null;
        }

        var r = replications.Select(x => x!).ToList();
        Estimate Of(Func<CostFigures, double> pick) => Estimate.Of([.. r.Select(pick).Where(double.IsFinite)]);
        var levels = Enumerable.Range(0, SimulationModel.Levels.Length)
            .Where(l => r.Any(x => x.ByLevel[l] != 0))
            .Select(l => (SimulationModel.Levels[l], CostFigures.InPublicBudget((Level)l), Of(x => x.ByLevel[l])))
            .ToList();
        var lines = new List<CostLine>(r[0].Lines.Count);
        for (var i = 0; i < r[0].Lines.Count; i++)
        {
            lines.Add(r[0].Lines[i] with
            {
                Posts = Mean(r, i, static l => l.Posts),
                StaffCost = Mean(r, i, static l => l.StaffCost),
                Overhead = Mean(r, i, static l => l.Overhead),
                Workplace = Mean(r, i, static l => l.Workplace),
                Other = Mean(r, i, static l => l.Other),
            });
        }

        return new CostEstimates(Of(x => x.Administration), Of(x => x.Companies), Of(x => x.Total), Of(x => x.PerFinishedProject), Of(x => x.PerFinishedProjectAll), levels, lines);
    }

    /// <summary>
    /// The mean of line <paramref name="line"/>'s figure over the replications, summed in replication
    /// order exactly as Enumerable.Average sums (so the same to the bit), without a LINQ pipeline and
    /// two closures per figure: a Germany-scale scenario has 9,000 cost lines.
    /// </summary>
    private static double Mean(List<CostFigures> replications, int line, Func<CostLine, double> pick)
    {
        var sum = pick(replications[0].Lines[line]);
        for (var k = 1; k < replications.Count; k++)
        {
            sum += pick(replications[k].Lines[line]);
        }

        return sum / replications.Count;
    }
}
