namespace IsdnSim.Scenario.Language;

/// <summary>
/// Every key the scenario format accepts, per section (a variant operation's keys are in its own
/// syntax, see Variants/VariantOperations). The loader rejects any other key, and a test checks
/// that the JSON Schema in scenarios/ lists exactly these.
/// </summary>
public static class ScenarioKeys
{
    public static readonly string[] Root =
    [
        "format", "name", "description", "seed", "start", "horizon", "warmup", "replications", "calendar", "lookahead", "handoff",
        "agents", "processes", "jurisdiction", "demand", "shocks", "working_groups", "variants", "costs", "absence",
    ];

    public static readonly string[] Calendar = ["kind", "workdays", "holidays", "hours_per_day"];

    public static readonly string[] Handoff = ["default", "between_offices", "rules"];

    public static readonly string[] HandoffRule = ["between", "latency"];

    public static readonly string[] Agent = ["id", "kind", "name", "population", "parent", "agencies", "seats", "location"];

    public static readonly string[] Agency = ["id", "name", "roles", "staff", "productivity", "sessions", "queue", "project_priority", "background", "intake", "pay_group", "absence"];

    public static readonly string[] Absence = ["illness", "leave", "vacancy"];

    /// <summary>Illness and leave: the share of the holder's working time, and the length of a spell.</summary>
    public static readonly string[] AbsenceCause = ["share", "spell"];

    /// <summary>A vacancy: the share of the time a post is vacant, and the time to refill it.</summary>
    public static readonly string[] Vacancy = ["share", "refill"];

    public static readonly string[] Sessions = ["every", "first", "agenda", "submission"];

    public static readonly string[] Background = ["rate", "effort", "priority"];

    public static readonly string[] Intake = ["opens", "closes"];

    public static readonly string[] Process = ["id", "name", "segments", "priority", "steps"];

    public static readonly string[] Step = ["id", "name", "kind", "role", "effort", "after", "consult", "deadline", "rework", "per_segment", "support", "discretion", "specialist", "duration", "deemed_after", "committees"];

    public static readonly string[] Rework = ["probability", "local_probability", "returns_to", "effort", "max_rounds"];

    public static readonly string[] Support = ["role", "share"];

    public static readonly string[] Specialist = ["min_staff", "effort_factor", "extra_returns"];

    public static readonly string[] JurisdictionEntry = ["holder", "kind", "overrides"];

    public static readonly string[] Demand = ["process", "at", "rate", "per_inhabitants", "min_population", "max_population"];

    public static readonly string[] Shock = ["id", "name", "date", "process", "groups"];

    public static readonly string[] ShockGroup = ["name", "min_population", "max_population", "deadline", "process"];

    public static readonly string[] WorkingGroup = ["id", "members", "below", "every", "first"];

    public static readonly string[] Costs = ["pay_groups", "defaults", "overhead", "workplace", "items"];

    public static readonly string[] CostItem = ["id", "name", "agent", "amount", "posts", "pay_group"];

    public static readonly string[] Variant = ["id", "name", "description", "operations"];

    public static readonly IReadOnlyDictionary<string, string[]> Distributions = new Dictionary<string, string[]>
    {
        ["constant"] = ["dist", "value"],
        ["exponential"] = ["dist", "mean"],
        ["lognormal"] = ["dist", "mean", "sd"],
        ["triangular"] = ["dist", "min", "mode", "max"],
        ["uniform"] = ["dist", "min", "max"],
        ["empirical"] = ["dist", "values"],
    };
}
