namespace IsdnSim.Kernel.Random;

/// <summary>A distribution of non-negative values (efforts in working days, inter-arrival times in days).</summary>
public abstract class Distribution
{
    public abstract double Mean { get; }

    public abstract double Sample(ref RandomStream stream);

    /// <summary>How the scenario format writes this distribution, for messages and manifests.</summary>
    public abstract string Describe();
}
