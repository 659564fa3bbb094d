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
        "agents", "processes", "jurisdiction", "demand", "shocks", "working_groups", "variants",
    ];

    public static readonly string[] Calendar = ["kind", "workdays", "holidays", "hours_per_day"];

    public static readonly string[] Handoff = ["default", "between_offices", "rules"];

    public static readonly string[] HandoffRule = ["between", "latency"];

    public static readonly string[] Agent = ["id", "kind", "name", "population", "parent", "agencies"];

    public static readonly string[] Agency = ["id", "name", "roles", "staff", "productivity", "sessions", "queue", "project_priority", "background", "intake"];

    public static readonly string[] Sessions = ["every", "first", "agenda", "submission"];

    public static readonly string[] Background = ["rate", "effort", "priority"];

    public static readonly string[] Intake = ["opens", "closes"];

    public static readonly string[] Process = ["id", "name", "segments", "steps"];

    public static readonly string[] Step = ["id", "name", "kind", "role", "effort", "after", "consult", "deadline", "rework", "per_segment", "support", "committees"];

    public static readonly string[] Rework = ["probability", "local_probability", "returns_to", "effort", "max_rounds"];

    public static readonly string[] Support = ["role", "share"];

    public static readonly string[] JurisdictionEntry = ["holder", "kind", "overrides"];

    public static readonly string[] Demand = ["process", "at", "rate", "per_inhabitants", "min_population", "max_population"];

    public static readonly string[] Shock = ["id", "name", "date", "process", "groups"];

    public static readonly string[] ShockGroup = ["name", "min_population", "max_population", "deadline"];

    public static readonly string[] WorkingGroup = ["id", "members", "below", "every", "first"];

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
