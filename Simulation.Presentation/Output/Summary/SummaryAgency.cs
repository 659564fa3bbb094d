using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// One agency's figures; <see cref="Name"/> is the agency's name with its organisation in parentheses.
/// <see cref="Utilisation"/> is over the posts' working time, <see cref="UtilisationOfPresent"/> over the
/// working time of the staff present (<see cref="PresentShare"/> of it; both null for a council).
/// </summary>
public sealed record SummaryAgency(
    string Agent,
    string Agency,
    string Name,
    string Kind,
    int Staff,
    SummaryEstimate Utilisation,
    SummaryEstimate PresentShare,
    SummaryEstimate UtilisationOfPresent,
    SummaryEstimate MeanQueueLength,
    SummaryEstimate MeanWaitDays,
    SummaryEstimate ItemsDone,
    SummaryEstimate WaitingCausedDays,
    SummaryEstimate CriticalPathShare,
    int SaturatedReplications,
    int GrowingReplications,
    SummaryEstimate Fictions)
{
    public static SummaryAgency From(AgencyEstimates a) => new(
        a.Agent,
        a.Agency,
        $"{a.Name} ({a.Organisation})",
        a.IsCouncil ? "council" : "staffed",
        a.Staff,
        SummaryEstimate.From(a.Utilisation),
        SummaryEstimate.From(a.PresentShare),
        SummaryEstimate.From(a.PresentUtilisation),
        SummaryEstimate.From(a.MeanQueueLength),
        SummaryEstimate.From(a.MeanWait),
        SummaryEstimate.From(a.ItemsDone),
        SummaryEstimate.From(a.WaitingCaused),
        SummaryEstimate.From(a.DeterminingShare),
        a.SaturatedIn,
        a.GrowingIn,
        SummaryEstimate.From(a.Fictions));
}
