using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// One line of a replication's costs, euros a year: an agency's posts (staff times productivity:
/// the share of each post that works on these processes) at its pay group, with the overhead
/// surcharge on their staff cost and a workplace each; or a further item of the scenario or a
/// variant (an amount, posts of a pay group, or both). A council costs nothing here.
/// </summary>
/// <param name="Item">The agency's id, or the cost item's.</param>
/// <param name="Staff">The agency's staff (headcount) in the replication; 0 for an item.</param>
/// <param name="Other">An item's amount of money.</param>
public sealed record CostLine(int Agent, string Item, bool IsAgency, string PayGroup, int Staff, double Posts, double StaffCost, double Overhead, double Workplace, double Other)
{
    public double Total => StaffCost + Overhead + Workplace + Other;
}

/// <summary>
/// What the modelled administration costs in one replication, euros a year: every line, the sum
/// per level, the public budget (municipalities, Ämter, cities, districts, the state) apart from the
/// companies and operators (utilities, housing companies, national operators, consultancies: their
/// staff is paid from fees, tariffs and prices, not from a public budget), and the cost per
/// finished project: the yearly cost over the projects finished per year after the warm-up, that
/// is the cost of the observation period over the projects finished in it.
/// </summary>
/// <param name="ByLevel">Euros a year by level, indexed as <see cref="SimulationModel.Levels"/>.</param>
/// <param name="Administration">The public budget's share: the levels <see cref="InPublicBudget"/>.</param>
/// <param name="Companies">Companies, national operators and consultancies.</param>
/// <param name="PerFinishedProject">The administration's yearly cost over the projects finished per year; NaN if none finished.</param>
/// <param name="PerFinishedProjectAll">The same with the companies' and operators' cost included.</param>
public sealed record CostFigures(
    IReadOnlyList<CostLine> Lines,
    double[] ByLevel,
    double Administration,
    double Companies,
    double PerFinishedProject,
    double PerFinishedProjectAll)
{
    public double Total => Administration + Companies;

    /// <summary>Municipalities, Ämter, cities, districts and the state are paid from public budgets; the other levels are not.</summary>
    public static bool InPublicBudget(Level level) => level is Level.Municipal or Level.City or Level.District or Level.State;

    /// <summary>The costs of a replication whose agencies (in the model's order) are <paramref name="agencies"/>; null if the scenario has no costs.</summary>
    public static CostFigures? Compute(SimulationModel model, IReadOnlyList<AgencyStatistics> agencies, double throughputPerYear)
    {
        if (LinesOf(model, agencies) is not { } lines)
        {
            return null;
        }

        var byLevel = new double[SimulationModel.Levels.Length];
        foreach (var line in lines)
        {
            byLevel[model.Agents[line.Agent].Level] += line.Total;
        }

        var administration = Enumerable.Range(0, byLevel.Length).Where(l => InPublicBudget((Level)l)).Sum(l => byLevel[l]);
        var companies = byLevel.Sum() - administration;
        return new CostFigures(lines, byLevel, administration, companies,
            throughputPerYear > 0 ? administration / throughputPerYear : double.NaN,
            throughputPerYear > 0 ? (administration + companies) / throughputPerYear : double.NaN);
    }

    /// <summary>Every agency's line (councils have none), then every cost item's; null if the scenario has no costs.</summary>
    public static IReadOnlyList<CostLine>? LinesOf(SimulationModel model, IReadOnlyList<AgencyStatistics> agencies)
    {
        if (model.Definition.Costs is not { } costs)
        {
            return null;
        }

        var lines = new List<CostLine>();
        foreach (var a in agencies.Where(a => !a.IsCouncil))
        {
            var definition = model.Definition.Agents[a.Agent].Agencies[a.Agency];
            var pay = definition.Cost ?? throw new InvalidOperationException($"agency '{definition.Id}' has no pay group; the scenario checks should have caught it");
            var posts = a.Staff * definition.Productivity;
            var staffCost = posts * pay.PerYear;
            lines.Add(new CostLine(a.Agent, definition.Id, true, pay.PayGroup, a.Staff, posts, staffCost, staffCost * costs.Overhead, posts * costs.Workplace, 0));
        }

        // Only a scenario with cost items needs agents by id (a Germany-scale one has 13,000 agents and none).
        var agentIndex = costs.Items.Count == 0 ? null : model.Agents.ToDictionary(a => a.Id, a => a.Index, StringComparer.Ordinal);
        foreach (var item in costs.Items)
        {
            var posts = item.Pay is null ? 0 : item.Posts;
            var staffCost = item.Pay is { } pay ? posts * pay.PerYear : 0;
            lines.Add(new CostLine(agentIndex![item.Agent], item.Id, false, item.Pay?.PayGroup ?? "", 0, posts, staffCost, staffCost * costs.Overhead, posts * costs.Workplace, item.Amount));
        }

        return lines;
    }
}
