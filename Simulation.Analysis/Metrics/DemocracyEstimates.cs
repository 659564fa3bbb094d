using IsdnSim.Analysis.Statistics;
using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Analysis.Metrics;

/// <summary>
/// The democratic-quality figures over replications (docs/model.md): territorial congruence of
/// the decisions that leave a choice, the same over all decisions, inhabitants per elected member
/// of the deciding body and distance to its seat, and the decisions of each discretion.
/// </summary>
public sealed record DemocracyEstimates(
    Estimate TerritorialCongruence,
    Estimate CongruenceAllDecisions,
    Estimate InhabitantsPerCouncillor,
    Estimate DistanceToDeciderKm,
    IReadOnlyList<DecisionClassEstimates> Decisions)
{
    public static DemocracyEstimates Empty { get; } = Of([]);

    public static DemocracyEstimates Of(IReadOnlyList<ReplicationFigures> replications)
    {
        Estimate Finite(Func<ReplicationFigures, double> pick) => Estimate.Of([.. replications.Select(pick).Where(double.IsFinite)]);
        var classes = Enum.GetValues<Discretion>()
            .Where(d => d != Discretion.None && replications.Any(r => r.Decisions.Taken[(int)d] > 0))
            .Select(d => new DecisionClassEstimates(
                Discretions.Name(d),
                Estimate.Of([.. replications.Select(r => (double)r.Decisions.Taken[(int)d])]),
                Finite(r => r.Decisions.Taken[(int)d] > 0 ? (double)r.Decisions.Congruent[(int)d] / r.Decisions.Taken[(int)d] : double.NaN)))
            .ToList();
        return new DemocracyEstimates(
            Finite(r => r.Congruence),
            Finite(r => r.CongruenceAllDecisions),
            Finite(r => r.InhabitantsPerCouncillor),
            Finite(r => r.DistanceToDeciderKm),
            classes);
    }
}

/// <summary>Decisions of one discretion per replication, and the share of them taken for the decider's own territory.</summary>
public sealed record DecisionClassEstimates(string Discretion, Estimate PerReplication, Estimate CongruentShare);
