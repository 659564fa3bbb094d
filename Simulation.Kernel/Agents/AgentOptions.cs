namespace IsdnSim.Kernel.Agents;

/// <summary>Per-run switches for what agents record beyond the standard figures: every step, and a trace of everything that happens.</summary>
public sealed record AgentOptions(bool RecordSteps = false, bool Trace = false)
{
    public static readonly AgentOptions Default = new();
}
