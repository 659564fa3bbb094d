namespace IsdnSim.Core.Kernel;

/// <summary>What travels with a project from step to step.</summary>
public readonly record struct ProjectToken(ProjectId Id, double Arrival, PathSummary Path);
