using System.Text.Json.Serialization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// How one group of a shock met its deadline in one replication. An experiment stores these as
/// they are (in each stored replication), so the names of the members are a
/// file format: rename one and old experiments no longer resume.
/// </summary>
public sealed record DeadlineFigures(
    string Shock,
    string ShockName,
    string Group,
    DateOnly Deadline,
    long Mandated,
    long OnTime,
    long Late,
    long Unfinished)
{
    /// <summary>Share of the obliged projects finished by the deadline; NaN when none were obliged.</summary>
    [JsonIgnore]
    public double Compliance => Mandated > 0 ? (double)OnTime / Mandated : double.NaN;

    public static IEnumerable<DeadlineFigures> Compute(SimulationModel model, ReplicationResult result)
    {
        // Counted in one pass over the projects (streamed): (shock, group) -> (finished, on time).
        // Counts do not depend on the order, so the agents' records are read without the merge.
        var finished = new Dictionary<(int Shock, int Group), (long Done, long OnTime)>();
        if (model.Definition.Shocks.Count > 0)
        {
            foreach (var p in result.Projects.Unordered())
            {
                if (p.Shock >= 0)
                {
                    var (done, onTime) = finished.GetValueOrDefault((p.Shock, p.Group));
                    finished[(p.Shock, p.Group)] = (done + 1, onTime + (p.OnTime ? 1 : 0));
                }
            }
        }

        for (var s = 0; s < model.Definition.Shocks.Count; s++)
        {
            var shock = model.Definition.Shocks[s];
            for (var g = 0; g < shock.Groups.Count; g++)
            {
                var group = shock.Groups[g];
                var mandated = result.Tallies.Mandated.Where(m => m.Shock == s && m.Group == g).Sum(m => m.Count);
                var (done, onTime) = finished.GetValueOrDefault((s, g));
                yield return new DeadlineFigures(shock.Id, shock.Name, group.Name, group.Deadline, mandated, onTime, done - onTime, mandated - done);
            }
        }
    }
}
