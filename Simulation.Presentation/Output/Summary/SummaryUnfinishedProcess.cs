namespace IsdnSim.Presentation.Output.Summary;

/// <summary>A process of which most arrived projects were unfinished at the horizon.</summary>
public sealed record SummaryUnfinishedProcess(string Id, SummaryEstimate FinishedShareOfArrived);
