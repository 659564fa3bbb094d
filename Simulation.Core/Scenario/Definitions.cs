using IsdnSim.Core.Random;
using IsdnSim.Core.Time;

namespace IsdnSim.Core.Scenario;

/// <summary>A scenario file after loading and validation: every reference resolves, every value is in range.</summary>
public sealed record ScenarioDefinition(
    string Name,
    string? Description,
    ulong Seed,
    DateOnly Start,
    CalendarDays Horizon,
    int Replications,
    CalendarDefinition Calendar,
    CalendarDays Lookahead,
    CalendarDays Handoff,
    IReadOnlyList<AgentDefinition> Agents,
    IReadOnlyList<ProcessDefinition> Processes,
    IReadOnlyList<JurisdictionRule> Jurisdiction,
    IReadOnlyList<DemandDefinition> Demand);

public sealed record CalendarDefinition(
    bool Continuous,
    IReadOnlySet<DayOfWeek> Workdays,
    IReadOnlySet<DateOnly> Holidays,
    double HoursPerDay);

public sealed record AgentDefinition(
    string Id,
    AgentKind Kind,
    string Name,
    int? Population,
    string? Parent,
    IReadOnlyList<AgencyDefinition> Agencies,
    SourcePosition Position);

/// <summary>An agency (Behörde, Amt, Fachbereich) with staff that works on the steps of the roles it holds.</summary>
public sealed record AgencyDefinition(
    string Id,
    string Name,
    IReadOnlyList<string> Roles,
    int Staff,
    double Productivity,
    SourcePosition Position);

public sealed record ProcessDefinition(
    string Id,
    string Name,
    IReadOnlyList<StepDefinition> Steps,
    SourcePosition Position);

public sealed record StepDefinition(
    string Id,
    string Name,
    string Role,
    Distribution Effort,
    IReadOnlyList<string> After,
    SourcePosition Position);

/// <summary>Who holds a role for a municipality: itself, the agent at a level above it, or one named agent.</summary>
public sealed record JurisdictionRule(
    string Role,
    JurisdictionHolder Holder,
    IReadOnlyDictionary<string, string> Overrides,
    SourcePosition Position);

/// <summary>
/// The holder of a role: the municipality itself (<c>self</c>), its administration (<c>administration</c>:
/// the Amt it belongs to, or itself if it has none), the agent at a level above it (<c>amt</c>,
/// <c>district</c>, <c>state</c>), or one named agent.
/// </summary>
public sealed record JurisdictionHolder(bool Self, AdministrativeLevel? Level, string? AgentId, bool Administration = false)
{
    public static readonly JurisdictionHolder OwnMunicipality = new(true, null, null);

    public static readonly JurisdictionHolder OwnAdministration = new(false, null, null, true);

    public override string ToString() =>
        Self ? "self" : Administration ? "administration" : Level is { } level ? level.ToString().ToLowerInvariant() : AgentId!;
}

/// <summary>
/// Projects of one process arriving at municipalities as a Poisson process. With
/// <see cref="PerInhabitants"/> set, <see cref="Rate"/> is per that many inhabitants.
/// </summary>
public sealed record DemandDefinition(
    string Process,
    IReadOnlyList<string>? At,
    ArrivalRate Rate,
    int? PerInhabitants,
    int? MinPopulation,
    int? MaxPopulation,
    SourcePosition Position);
