namespace IsdnSim.Core.Kernel;

/// <summary>A finished project: arrival and finish in days since the start, and where its time went.</summary>
public readonly record struct ProjectRecord(ProjectId Id, double Arrival, double Finish, PathSummary Path)
{
    public double LeadTime => Finish - Arrival;
}
