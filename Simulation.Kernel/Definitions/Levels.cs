namespace IsdnSim.Kernel.Definitions;

/// <summary>How levels are spelled, which level an agent kind counts as, and which levels it acts at.</summary>
public static class Levels
{
    public static NameTable<Level> Table { get; } = new(
        (Level.Municipal, "municipal"),
        (Level.City, "city"),
        (Level.District, "district"),
        (Level.State, "state"),
        (Level.Company, "company"),
        (Level.National, "national"),
        (Level.Consultancy, "consultancy"));

    /// <summary>Every level's name, in tally order.</summary>
    public static IReadOnlyList<string> All => Table.Names;

    /// <summary>
    /// The level words a hand-off rule accepts: every level but <c>city</c>, since a city is
    /// reached as municipal and as district (and an agent may be called "city").
    /// </summary>
    public static IReadOnlyList<string> InHandoffRules { get; } = [.. Table.Names.Where(n => n != "city")];

    public static string Name(Level level) => Table.Name(level);

    /// <summary>A level word of a hand-off rule; false for anything else (then it names an agent).</summary>
    public static bool TryParseHandoffWord(string text, out Level level) => Table.TryParse(text, out level) && level != Level.City;

    /// <summary>The level an agent counts as in tallies of hand-offs and rework between levels.</summary>
    public static Level Of(AgentKind kind) => kind switch
    {
        AgentKind.Municipality or AgentKind.Amt => Level.Municipal,
        AgentKind.City or AgentKind.Borough => Level.City,
        AgentKind.District => Level.District,
        AgentKind.State => Level.State,
        AgentKind.Utility or AgentKind.HousingCompany => Level.Company,
        AgentKind.NationalOperator => Level.National,
        AgentKind.Consultancy => Level.Consultancy,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an agent kind without a level"),
    };

    /// <summary>
    /// Whether an agent of this kind acts at the level (an independent city, and a Bezirk of a
    /// two-tier city, act at the municipal and the district level).
    /// </summary>
    public static bool Includes(Level level, AgentKind kind) => level switch
    {
        Level.Municipal => kind is AgentKind.Municipality or AgentKind.Amt or AgentKind.City or AgentKind.Borough,
        Level.City => kind is AgentKind.City or AgentKind.Borough,
        Level.District => kind is AgentKind.District or AgentKind.City or AgentKind.Borough,
        Level.State => kind == AgentKind.State,
        Level.Company => kind is AgentKind.Utility or AgentKind.HousingCompany,
        Level.National => kind == AgentKind.NationalOperator,
        Level.Consultancy => kind == AgentKind.Consultancy,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "an unknown level"),
    };
}
