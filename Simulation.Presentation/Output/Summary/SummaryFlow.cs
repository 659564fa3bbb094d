using IsdnSim.Analysis.Metrics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>The flow figures of all projects (the headline) or of one process.</summary>
public sealed record SummaryFlow(
    SummaryEstimate ProjectsArrived,
    SummaryEstimate ProjectsFinished,
    SummaryEstimate ProjectsUnfinishedAtHorizon,
    SummaryEstimate FinishedShareOfArrived,
    SummaryEstimate ThroughputPerYear,
    SummaryEstimate WipMean,
    SummaryEstimate LeadTimeMeanDays,
    SummaryEstimate LeadTimeMedianDays,
    SummaryEstimate LeadTimeP90Days,
    SummaryLeadTimeBreakdown LeadTimeBreakdownDays,
    SummaryEstimate CriticalChainHandoffsPerProject,
    SummaryEstimate CriticalChainReturnsPerProject,
    SummaryEstimate LittlesLawThroughputXLeadTime)
{
    public static SummaryFlow From(FlowEstimates f) => new(
        SummaryEstimate.From(f.Arrived),
        SummaryEstimate.From(f.Finished),
        SummaryEstimate.From(f.Unfinished),
        SummaryEstimate.From(f.FinishedShare),
        SummaryEstimate.From(f.ThroughputPerYear),
        SummaryEstimate.From(f.WipMean),
        SummaryEstimate.From(f.LeadTimeMean),
        SummaryEstimate.From(f.LeadTimeMedian),
        SummaryEstimate.From(f.LeadTimeP90),
        SummaryLeadTimeBreakdown.From(f),
        SummaryEstimate.From(f.CriticalChainHandoffs),
        SummaryEstimate.From(f.CriticalChainReworks),
        SummaryEstimate.From(f.LittleProduct));
}
