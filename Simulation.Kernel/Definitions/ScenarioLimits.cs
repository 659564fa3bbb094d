namespace IsdnSim.Kernel.Definitions;

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

    /// <summary>Elected members of one assembly (the Bundestag has 630).</summary>
    public const int MaxSeats = 10_000;

    /// <summary>About 2,700 years: enough for a million-customer queueing check.</summary>
    public const double MaxHorizonDays = 1_000_000;

    /// <summary>Horizon divided by lookahead: bounds the number of synchronisation windows.</summary>
    public const double MaxWindows = 10_000_000;

    /// <summary>Expected number of project arrivals over the horizon in one replication.</summary>
    public const double MaxExpectedProjects = 20_000_000;

    public const double MinLookaheadDays = 1.0 / 24;

    /// <summary>
    /// 64 MiB: seventeen times the largest shipped scenario (germany.yaml, 3.7 MB), and small
    /// enough that reading /dev/zero or a log file by mistake stops at once.
    /// </summary>
    public const int MaxFileBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Mappings and lists inside one another. The shipped scenarios reach 7; the YAML parser
    /// and the binder recurse once per level, so this also bounds their stack.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>
    /// Keys, values, mappings and lists in the file, an alias counted as a copy of everything
    /// under its anchor. germany.yaml has about 430,000; a region at <see cref="MaxAgents"/>
    /// would have about 2,000,000. Bounds the work of everything that walks the tree, and
    /// stops an alias bomb (billion laughs) before it is expanded.
    /// </summary>
    public const int MaxYamlNodes = 5_000_000;

    /// <summary>Ten years: a hand-off or lookahead longer than this is a typo.</summary>
    public const double MaxHandoffDays = 3650;

    /// <summary>A trillion euros a year, some thirty Federal budgets: a cost above it is a typo.</summary>
    public const double MaxEurosPerYear = 1e12;

    /// <summary>Days the working-day table extends past the horizon, for work that ends after it.</summary>
    public const int CalendarMarginDays = 366;

    public static string? HorizonProblem(string text, DateOnly start, double days)
    {
        if (days > MaxHorizonDays)
        {
            return $"horizon '{text}' is {days:N0} days; the limit is {MaxHorizonDays:N0} days (about 2,700 years)";
        }

        return start.DayNumber + days + CalendarMarginDays > DateOnly.MaxValue.DayNumber
            ? $"horizon '{text}' from {start:yyyy-MM-dd} ends too close to the year 9999 (the calendar needs a year beyond the horizon)"
            : null;
    }

    /// <summary>The warm-up must leave something to observe: shorter than the horizon.</summary>
    public static string? WarmupProblem(double warmupDays, double horizonDays) =>
        warmupDays < 0 ? $"warmup must not be negative, found {warmupDays:0.##} days"
        : warmupDays >= horizonDays ? $"warmup ({warmupDays:0.##} days) must be shorter than the horizon ({horizonDays:0.##} days): statistics are taken after it"
        : null;

    public static string? WindowsProblem(double horizonDays, double lookaheadDays)
    {
        var windows = horizonDays / lookaheadDays;
        return windows > MaxWindows
            ? $"horizon / lookahead is {windows:N0} windows; the limit is {MaxWindows:N0}: use a longer lookahead or a shorter horizon"
            : null;
    }

    /// <summary>The expected number of project arrivals in one replication: rates times horizon, over all demand.</summary>
    public static double ExpectedProjects(ScenarioDefinition scenario) =>
        scenario.Demand.Sum(entry => DemandOwners.Select(scenario, entry, out _).Sum(owner => DemandOwners.Rate(entry, owner).PerDay)) * scenario.Horizon.Value;

    public static string? ProjectsProblem(double expectedProjects) =>
        expectedProjects > MaxExpectedProjects
            ? $"the demand and horizon give about {expectedProjects:N0} projects per replication; the limit is {MaxExpectedProjects:N0}: lower the rates or shorten the horizon"
            : null;
}
