namespace IsdnSim.Kernel.Definitions;

/// <summary>How agent kinds are spelled in scenario files, and which administrative level each can stand for.</summary>
public static class AgentKinds
{
    private static readonly (AgentKind Kind, string Name)[] Names =
    [
        (AgentKind.Municipality, "municipality"),
        (AgentKind.Amt, "amt"),
        (AgentKind.District, "district"),
        (AgentKind.City, "city"),
        (AgentKind.State, "state"),
        (AgentKind.Utility, "utility"),
        (AgentKind.HousingCompany, "housing-company"),
        (AgentKind.NationalOperator, "national-operator"),
        (AgentKind.Consultancy, "consultancy"),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    public static string Name(AgentKind kind) => Names.First(n => n.Kind == kind).Name;

    public static bool TryParse(string text, out AgentKind kind)
    {
        foreach (var (k, name) in Names)
        {
            if (name == text)
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Kinds where projects start: they have inhabitants and a council.</summary>
    public static bool IsMunicipal(AgentKind kind) => kind is AgentKind.Municipality or AgentKind.City;

    /// <summary>Whether an agent of this kind matches a level word of hand-off rules (a city is municipal and district).</summary>
    public static bool IsAtLevel(AgentKind kind, string level) => level switch
    {
        "municipal" => kind is AgentKind.Municipality or AgentKind.Amt or AgentKind.City,
        "district" => kind is AgentKind.District or AgentKind.City,
        "state" => kind == AgentKind.State,
        "company" => kind is AgentKind.Utility or AgentKind.HousingCompany,
        "national" => kind == AgentKind.NationalOperator,
        "consultancy" => kind == AgentKind.Consultancy,
        _ => false,
    };

    /// <summary>The level an agent counts as in tallies of hand-offs and rework between levels.</summary>
    public static string Level(AgentKind kind) => kind switch
    {
        AgentKind.Municipality or AgentKind.Amt => "municipal",
        AgentKind.City => "city",
        AgentKind.District => "district",
        AgentKind.State => "state",
        AgentKind.Utility or AgentKind.HousingCompany => "company",
        AgentKind.NationalOperator => "national",
        _ => "consultancy",
    };

    /// <summary>Whether an agent of this kind acts at the given level (an independent city is both municipality and district).</summary>
    public static bool ActsAt(AgentKind kind, AdministrativeLevel level) => level switch
    {
        AdministrativeLevel.Amt => kind == AgentKind.Amt,
        AdministrativeLevel.District => kind is AgentKind.District or AgentKind.City,
        AdministrativeLevel.State => kind == AgentKind.State,
        _ => false,
    };
}
