using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>How one group of a shock met its deadline; <see cref="Obliged"/> counts the projects the shock mandated.</summary>
public sealed record SummaryDeadline(
    string Shock,
    string Name,
    string Group,
    DateOnly Deadline,
    SummaryEstimate Obliged,
    SummaryEstimate OnTime,
    SummaryEstimate Late,
    SummaryEstimate Unfinished,
    SummaryEstimate Compliance)
{
    public static SummaryDeadline From(DeadlineEstimates d) => new(
        d.Shock,
        d.ShockName,
        d.Group,
        d.Deadline,
        SummaryEstimate.From(d.Mandated),
        SummaryEstimate.From(d.OnTime),
        SummaryEstimate.From(d.Late),
        SummaryEstimate.From(d.Unfinished),
        SummaryEstimate.From(d.Compliance));
}
