namespace IsdnSim.Core.Kernel;

/// <summary>Per-run switches for what agents record beyond the standard figures.</summary>
public sealed record AgentOptions(bool RecordSteps = false)
{
    public static readonly AgentOptions Default = new();
}
