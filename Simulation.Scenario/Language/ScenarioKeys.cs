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
        "uncertain",
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

    /// <summary>
    /// An entry of the <c>uncertain:</c> section: one distribution (uniform, triangular, loguniform,
    /// discrete), the further paths set to the same value, and where the range comes from.
    /// </summary>
    public static readonly string[] Uncertain = ["uniform", "triangular", "loguniform", "discrete", "also", "source", "assumption", "note"];

    /// <summary>The top level of an --uncertain file: the <c>uncertain:</c> section alone.</summary>
    public static readonly string[] UncertainFile = ["uncertain"];

    /// <summary>
    /// Keys whose value the loader reads as a whole number: an uncertain parameter at one of them
    /// takes whole values (see <c>UncertainParameter.At</c>).
    /// </summary>
    public static readonly string[] WholeNumbers =
    [
        "staff", "population", "seats", "agenda", "priority", "project_priority", "min_population", "max_population", "per_inhabitants",
        "segments", "max_rounds", "min_staff", "replications", "seed",
    ];

    /// <summary>
    /// Keys under which the format holds working time (efforts and absence spells); a value in
    /// hours or minutes anywhere else is calendar time.
    /// </summary>
    public static readonly string[] WorkingTime = ["effort", "spell"];

    /// <summary>
    /// Keys whose values name or refer to something rather than state a figure: an ASSUMPTION label
    /// on a line or an entry does not list them.
    /// </summary>
    public static readonly string[] NotFigures =
    [
        "id", "name", "description", "kind", "role", "roles", "after", "consult", "returns_to", "dist", "process", "at", "parent", "op", "into",
        "districts", "agent", "agents", "members", "below", "shock", "by", "committees", "between", "holder", "overrides", "format",
    ];

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
