using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Analysis.Validation;

/// <summary>
/// An observation resolved against a compiled scenario (with its variant applied): the process's
/// index, which agents' projects count, and for <see cref="StatisticKind.ShareFinishedBy"/> the
/// end of its date in simulated days. A project counts for a region when its owner (the
/// municipality, or the quarter of a city, it belongs to) is the region or lies below it.
/// </summary>
public sealed record ObservedTarget(ObservedRow Row, int Process, IReadOnlyList<bool> InRegion)
{
    /// <summary>For <see cref="StatisticKind.ShareFinishedBy"/>: the end of the date (midnight after it) in days since the start.</summary>
    public double ByDay { get; init; } = double.NaN;

    public ObservedStatistic Statistic => Row.Statistic;

    /// <summary>
    /// Resolves every row of <paramref name="data"/> against <paramref name="model"/>, or throws
    /// <see cref="ObservedDataException"/> with every row that does not fit (an unknown process or
    /// region, with the nearest id; a region with no municipality at or below it; a date outside
    /// the run; a share finished by a date of a process that also arrives by demand).
    /// </summary>
    /// <param name="scenarioFile">The scenario's file, as messages name it.</param>
    public static IReadOnlyList<ObservedTarget> Resolve(ObservedData data, SimulationModel model, string scenarioFile)
    {
        var problems = new List<ScenarioDiagnostic>();
        void Problem(SourcePosition at, string message) => problems.Add(new ScenarioDiagnostic(data.File, at, message));

        var processes = model.Processes.ToDictionary(p => p.Id, p => p.Index, StringComparer.Ordinal);
        var agents = model.Agents.ToDictionary(a => a.Id, a => a.Index, StringComparer.Ordinal);
        var scenario = UserText.Shorten(scenarioFile);
        var variant = model.Definition.AppliedVariant is { } v ? $" (variant '{v}')" : "";
        var targets = new List<ObservedTarget>();
        foreach (var row in data.Rows)
        {
            var ok = true;
            if (!processes.TryGetValue(row.Process, out var process))
            {
                Problem(row.ProcessAt, $"no process '{row.Process}' in {scenario}{DidYouMean.Hint(row.Process, processes.Keys)} (processes: {string.Join(", ", model.Processes.Select(p => p.Id))})");
                ok = false;
            }

            bool[]? inRegion = null;
            if (row.Region.Length == 0)
            {
                inRegion = [.. model.Agents.Select(_ => true)];
            }
            else if (!agents.TryGetValue(row.Region, out var region))
            {
                Problem(row.RegionAt, $"no agent '{row.Region}' in {scenario}{variant}{DidYouMean.Hint(row.Region, agents.Keys)}; a region is the id of a municipality, Amt, district, city or state, or empty for the whole scenario");
                ok = false;
            }
            else
            {
                inRegion = Below(model, region);
                if (!model.Agents.Any(a => inRegion[a.Index] && AgentKinds.IsMunicipal(a.Kind)))
                {
                    Problem(row.RegionAt, $"'{row.Region}' (a {AgentKinds.Name(model.Agents[region].Kind)}) has no municipality at or below it, so no project counts for it; a region is the id of a municipality, Amt, district, city or state, or empty for the whole scenario");
                    ok = false;
                }
            }

            var byDay = double.NaN;
            if (row.Statistic.Kind == StatisticKind.ShareFinishedBy)
            {
                var start = model.Start;
                var lastDay = start.AddDays((int)Math.Floor(model.Horizon.Days) - 1);
                if (row.Statistic.By < start)
                {
                    Problem(row.StatisticAt, $"{row.Statistic.Text}: the date is before the scenario's start, {start:yyyy-MM-dd}; the model says nothing about it");
                    ok = false;
                }
                else if (row.Statistic.By > lastDay)
                {
                    Problem(row.StatisticAt, $"{row.Statistic.Text}: the date is after the last day of the run, {lastDay:yyyy-MM-dd}; give a longer --horizon or an earlier date");
                    ok = false;
                }
                else
                {
                    byDay = row.Statistic.By.DayNumber - start.DayNumber + 1;
                }

                if (ok && inRegion is not null && model.Sources.Any(s => s.Any(d => d.Process == process && inRegion[d.Owner])))
                {
                    Problem(row.StatisticAt, $"{row.Statistic.Text}: projects of '{row.Process}' also arrive by demand here, so the share finished by a date has no fixed base; it is for projects a law obliges municipalities to start (shocks:). Use share_within:<duration> or a lead-time statistic");
                    ok = false;
                }
            }

            if (ok)
            {
                targets.Add(new ObservedTarget(row, process, inRegion!) { ByDay = byDay });
            }
        }

        if (problems.Count > 0)
        {
            throw new ObservedDataException([.. problems.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column)]);
        }

        return targets;
    }

    /// <summary>Whether each agent is <paramref name="region"/> or lies below it.</summary>
    private static bool[] Below(SimulationModel model, int region)
    {
        var below = new bool[model.Agents.Count];
        foreach (var agent in model.Agents)
        {
            for (var a = agent.Index; a >= 0; a = model.Agents[a].Parent)
            {
                if (a == region)
                {
                    below[agent.Index] = true;
                    break;
                }
            }
        }

        return below;
    }
}
