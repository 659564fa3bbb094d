namespace IsdnSim.Kernel.Agents;

/// <summary>
/// Counts an agent keeps besides its agencies' figures: hand-offs and returns for rework it
/// sent, by (from level, to level) as a flat matrix over <see cref="Model.SimulationModel.Levels"/>;
/// decisions it took on projects, by discretion, and how many were taken for the territory that
/// elected the decider; consultations it led and how many lapsed (the deadline ended them); projects shocks obliged it to start.
/// </summary>
public sealed record AgentTallies(
    long[] Handoffs,
    long[] Reworks,
    DecisionTally Decisions,
    long Consultations,
    long LapsedConsultations,
    MandateTally[] Mandated)
{
    /// <summary>Legal periods of steps with a fiction (deemed_after) that ended, by the holder's work or by the law.</summary>
    public long FictionPeriods { get; init; }

    /// <summary>Of <see cref="FictionPeriods"/>, those that ran out: steps done by law.</summary>
    public long Fictions { get; init; }
}

public readonly record struct MandateTally(int Shock, int Group, long Count);
