namespace IsdnSim.Presentation.Output.Summary;

/// <summary>One process's flow figures.</summary>
public sealed record SummaryProcess(string Id, string Name, SummaryFlow Figures);
