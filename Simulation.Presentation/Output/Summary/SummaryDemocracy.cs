using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>Territorial congruence and representation (docs/model.md, "Democratic quality").</summary>
public sealed record SummaryDemocracy(
    SummaryEstimate TerritorialCongruence,
    SummaryEstimate CongruenceAllDecisions,
    SummaryEstimate InhabitantsPerCouncillor,
    SummaryEstimate DistanceToDeciderKm,
    IReadOnlyList<SummaryDecisionClass> Decisions)
{
    public static SummaryDemocracy From(DemocracyEstimates d) => new(
        SummaryEstimate.From(d.TerritorialCongruence),
        SummaryEstimate.From(d.CongruenceAllDecisions),
        SummaryEstimate.From(d.InhabitantsPerCouncillor),
        SummaryEstimate.From(d.DistanceToDeciderKm),
        [.. d.Decisions.Select(c => new SummaryDecisionClass(c.Discretion, SummaryEstimate.From(c.PerReplication), SummaryEstimate.From(c.CongruentShare)))]);
}

/// <summary>Decisions of one discretion per replication, and the share taken for the own territory.</summary>
public sealed record SummaryDecisionClass(string Discretion, SummaryEstimate PerReplication, SummaryEstimate CongruentShare);
