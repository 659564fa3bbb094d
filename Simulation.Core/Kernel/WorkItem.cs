namespace IsdnSim.Core.Kernel;

/// <summary>A step of a project at an agency: queued, then in service.</summary>
internal struct WorkItem
{
    public ProjectToken Token;
    public int Step;
    public double Ready;
    public double Start;
    public double Effort;
}
