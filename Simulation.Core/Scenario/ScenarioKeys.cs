namespace IsdnSim.Core.Scenario;

/// <summary>
/// Every key the scenario format accepts, per section. The loader rejects any other key, and a
/// test checks that the JSON Schema in scenarios/ lists exactly these.
/// </summary>
public static class ScenarioKeys
{
    public static readonly string[] Root =
        ["format", "name", "description", "seed", "start", "horizon", "replications", "calendar", "lookahead", "handoff", "agents", "processes", "jurisdiction", "demand"];

    public static readonly string[] Calendar = ["kind", "workdays", "holidays", "hours_per_day"];

    public static readonly string[] Agent = ["id", "kind", "name", "population", "parent", "agencies"];

    public static readonly string[] Agency = ["id", "name", "roles", "staff", "productivity"];

    public static readonly string[] Process = ["id", "name", "steps"];

    public static readonly string[] Step = ["id", "name", "role", "effort", "after"];

    public static readonly string[] JurisdictionEntry = ["holder", "overrides"];

    public static readonly string[] Demand = ["process", "at", "rate", "per_inhabitants", "min_population", "max_population"];

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
