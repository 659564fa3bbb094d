namespace IsdnSim.Core.Scenario;

/// <summary>
/// Sizes a scenario may not exceed, so that a typo (an extra zero) gets a message instead of
/// exhausting the machine. Documented in docs/scenario-format.md.
/// </summary>
public static class ScenarioLimits
{
    public const int MaxAgents = 50_000;
    public const int MaxAgenciesPerAgent = 64;
    public const int MaxStaff = 100_000;
    public const int MaxProcesses = 1_000;
    public const int MaxStepsPerProcess = 500;
    public const int MaxReplications = 10_000;
    public const int MaxPopulation = 50_000_000;

    /// <summary>About 2,700 years: enough for a million-customer queueing check.</summary>
    public const double MaxHorizonDays = 1_000_000;

    /// <summary>Horizon divided by lookahead: bounds the number of synchronisation windows.</summary>
    public const double MaxWindows = 10_000_000;

    /// <summary>Expected number of project arrivals over the horizon in one replication.</summary>
    public const double MaxExpectedProjects = 20_000_000;

    public const double MinLookaheadDays = 1.0 / 24;
}
