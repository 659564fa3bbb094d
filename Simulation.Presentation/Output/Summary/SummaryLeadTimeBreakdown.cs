using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>Where a project's lead time went, in mean days per project.</summary>
public sealed record SummaryLeadTimeBreakdown(
    SummaryEstimate QueueWait,
    SummaryEstimate InService,
    SummaryEstimate CouncilOrMeeting,
    SummaryEstimate Handoff,
    SummaryEstimate Rework,
    SummaryEstimate ApplicationWindow,
    SummaryEstimate LegalPeriod)
{
    public static SummaryLeadTimeBreakdown From(FlowEstimates f) => new(
        SummaryEstimate.From(f.WaitMean),
        SummaryEstimate.From(f.ServiceMean),
        SummaryEstimate.From(f.CouncilMean),
        SummaryEstimate.From(f.HandoffMean),
        SummaryEstimate.From(f.ReworkMean),
        SummaryEstimate.From(f.WindowMean),
        SummaryEstimate.From(f.PeriodMean));
}
