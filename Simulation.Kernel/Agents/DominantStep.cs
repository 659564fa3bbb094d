namespace IsdnSim.Kernel.Agents;

/// <summary>
/// The longest step on a project's critical chain ("the duration of the most complicated step
/// wins"), from ready to done, and the agency where it happened. Step -1: none yet.
/// </summary>
public readonly record struct DominantStep(int Step, int Agent, int Agency, double Duration)
{
    public static readonly DominantStep None = new(-1, -1, -1, -1);

    public DominantStep Longer(int step, int agent, int agency, double duration) =>
        duration > Duration ? new DominantStep(step, agent, agency, duration) : this;
}
