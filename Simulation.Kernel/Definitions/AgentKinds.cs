namespace IsdnSim.Kernel.Definitions;

/// <summary>How agent kinds are spelled in scenario files.</summary>
public static class AgentKinds
{
    public static NameTable<AgentKind> Table { get; } = new(
        (AgentKind.Municipality, "municipality"),
        (AgentKind.Amt, "amt"),
        (AgentKind.District, "district"),
        (AgentKind.City, "city"),
        (AgentKind.State, "state"),
        (AgentKind.Utility, "utility"),
        (AgentKind.HousingCompany, "housing-company"),
        (AgentKind.NationalOperator, "national-operator"),
        (AgentKind.Consultancy, "consultancy"),
        (AgentKind.Borough, "borough"));

    public static IReadOnlyList<string> All => Table.Names;

    public static string Name(AgentKind kind) => Table.Name(kind);

    public static bool TryParse(string text, out AgentKind kind) => Table.TryParse(text, out kind);

    /// <summary>Kinds where projects start: they have inhabitants and a council.</summary>
    public static bool IsMunicipal(AgentKind kind) => kind is AgentKind.Municipality or AgentKind.City or AgentKind.Borough;

    /// <summary>Kinds that are municipalities in law (Gemeinden), whom a law can oblige: not a Bezirk, whose city is obliged instead.</summary>
    public static bool IsMunicipalityInLaw(AgentKind kind) => kind is AgentKind.Municipality or AgentKind.City;
}
