using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>An agency saturated or growing in at least one replication; <see cref="Name"/> as in <see cref="SummaryRank"/>.</summary>
public sealed record SummaryUnstableAgency(
    string Agent,
    string Agency,
    string Name,
    int SaturatedReplications,
    int GrowingReplications,
    int OfReplications,
    SummaryEstimate Utilisation)
{
    public static SummaryUnstableAgency From(AgencyEstimates a, int replications) =>
        new(a.Agent, a.Agency, SummaryRank.NameOf(a), a.SaturatedIn, a.GrowingIn, replications, SummaryEstimate.From(a.Utilisation));
}
