using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Kernel.Definitions;

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
    HandoffDefinition Handoff,
    IReadOnlyList<AgentDefinition> Agents,
    IReadOnlyList<ProcessDefinition> Processes,
    IReadOnlyList<JurisdictionRule> Jurisdiction,
    IReadOnlyList<DemandDefinition> Demand)
{
    public IReadOnlyList<ShockDefinition> Shocks { get; init; } = [];

    public IReadOnlyList<WorkingGroupDefinition> WorkingGroups { get; init; } = [];

    public IReadOnlyList<VariantDefinition> Variants { get; init; } = [];

    /// <summary>What the posts cost a year (pay groups, overhead, workplace, further items); null when the scenario does not say.</summary>
    public CostsDefinition? Costs { get; init; }

    /// <summary>
    /// The figures whose values are uncertain, with their ranges (the <c>uncertain:</c> section, or an
    /// --uncertain file): what sensitivity analysis and calibration vary. A run uses the values
    /// written in the file and never reads these.
    /// </summary>
    public IReadOnlyList<UncertainParameter> Uncertain { get; init; } = [];

    /// <summary>
    /// Statistics skip the first this many days (projects finished, agency figures, counts):
    /// the region starts empty, and steady-state questions should not see that. Zero: none.
    /// </summary>
    public CalendarDays Warmup { get; init; }

    /// <summary>The variant applied to this definition, or null for the scenario as written.</summary>
    public string? AppliedVariant { get; init; }

    /// <summary>The roles council steps name as their committees; an agency listing one is a committee, not a council.</summary>
    public IReadOnlySet<string> CommitteeRoles() =>
        Processes.SelectMany(p => p.Steps).SelectMany(s => s.Committees).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// How long a file takes from one agent to another: a default, and rules for pairs of levels
/// or agents (symmetric; the most specific rule wins: agent over level).
/// </summary>
/// <param name="BetweenOffices">From one staffed office of an agent to another of the same agent (zero: at once).</param>
public sealed record HandoffDefinition(CalendarDays Default, IReadOnlyList<HandoffRule> Rules, CalendarDays BetweenOffices = default);

/// <summary>Between two endpoints, each a level word (municipal, district, state, company, national, consultancy) or an agent id.</summary>
public sealed record HandoffRule(string A, string B, CalendarDays Latency, SourcePosition Position);

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
    SourcePosition Position)
{
    /// <summary>Elected members of the agent's assembly (Gemeindevertretung, Kreistag, Landtag), or null if not given.</summary>
    public int? Seats { get; init; }

    /// <summary>Where the agent sits: the town hall, the district's seat, the capital; null if not given.</summary>
    public GeoPoint? Location { get; init; }
}

/// <summary>
/// An agency (Behörde, Amt, Fachbereich) with staff that works on the steps of the roles it
/// holds, or a council (<see cref="Sessions"/> set) that decides in sessions.
/// </summary>
public sealed record AgencyDefinition(
    string Id,
    string Name,
    IReadOnlyList<string> Roles,
    int Staff,
    double Productivity,
    SourcePosition Position)
{
    public SessionsDefinition? Sessions { get; init; }

    /// <summary>Serve by priority (lower first, FIFO within a priority) instead of plain FIFO.</summary>
    public bool PriorityQueue { get; init; }

    /// <summary>Priority of project steps here; background work has its own.</summary>
    public int ProjectPriority { get; init; } = 2;

    public BackgroundDefinition? Background { get; init; }

    public IntakeDefinition? Intake { get; init; }

    /// <summary>The pay group of its posts and their yearly cost; null for a council, or when the scenario has no costs.</summary>
    public PostCost? Cost { get; init; }

    /// <summary>When its posts take no work (illness, leave, vacancy); null: always there.</summary>
    public AbsenceDefinition? Absence { get; init; }

    public bool IsCouncil => Sessions is not null;
}

/// <summary>A council's sessions: every <see cref="Every"/> from <see cref="First"/>, deciding at most <see cref="Agenda"/> items each.</summary>
public sealed record SessionsDefinition(CalendarDays Every, CalendarDays First, int Agenda, CalendarDays Submission);

/// <summary>Work that competes for an agency's staff without being a project here (a national operator's portfolio, everyday cases).</summary>
public sealed record BackgroundDefinition(ArrivalRate Rate, Distribution Effort, int Priority);

/// <summary>A yearly window in which an agency accepts new items (a funding round); outside it, items wait for it to open.</summary>
public sealed record IntakeDefinition(int OpensMonth, int OpensDay, int ClosesMonth, int ClosesDay);

public sealed record ProcessDefinition(
    string Id,
    string Name,
    IReadOnlyList<StepDefinition> Steps,
    SourcePosition Position)
{
    /// <summary>For linear measures: how many municipalities of the owner's district the project crosses (owner first); 0 for none.</summary>
    public int Segments { get; init; }

    /// <summary>
    /// Priority of this process's work at agencies with a priority queue (lower first): its items
    /// are served at the lower of this and the agency's project priority. Null: the agency's.
    /// </summary>
    public int? Priority { get; init; }
}

public sealed record StepDefinition(
    string Id,
    string Name,
    string Role,
    Distribution Effort,
    IReadOnlyList<string> After,
    SourcePosition Position)
{
    public StepKind Kind { get; init; } = StepKind.Work;

    /// <summary>Consultation: the roles asked (Träger öffentlicher Belange).</summary>
    public IReadOnlyList<string> Consult { get; init; } = [];

    /// <summary>Consultation: after this, silence counts as approval.</summary>
    public CalendarDays? Deadline { get; init; }

    public ReworkDefinition? Rework { get; init; }

    /// <summary>Done once per municipality a linear measure crosses, by that municipality's holder.</summary>
    public bool PerSegment { get; init; }

    /// <summary>Part of the effort done in parallel by another agency (the district as a service provider).</summary>
    public SupportDefinition? Support { get; init; }

    /// <summary>What the step decides, if the file says; else <see cref="Discretions.Default"/> of its kind.</summary>
    public Discretion? Discretion { get; init; }

    /// <summary>The step needs a specialist: an office with fewer posts does it with more effort and more returns.</summary>
    public SpecialistDefinition? Specialist { get; init; }

    /// <summary>Period: how long it runs from the moment it became ready.</summary>
    public CalendarDays? Duration { get; init; }

    /// <summary>
    /// Work and approval: a legal fiction (§36(2), §6(4) BauGB). If the holder has not finished the
    /// step this long after it became ready there (per review round), the step counts as done by law.
    /// </summary>
    public CalendarDays? DeemedAfter { get; init; }

    /// <summary>
    /// Council: the committees (Ausschüsse) that prepare the decision, in order, each named by a
    /// role that a committee of the council's own agent lists; a committee the agent does not
    /// have is passed by. A committee recommends; the decision is the council's.
    /// </summary>
    public IReadOnlyList<string> Committees { get; init; } = [];
}

/// <summary>An approval returns the file to <see cref="ReturnsTo"/>'s holder with a probability per review.</summary>
public sealed record ReworkDefinition(double Probability, double LocalProbability, string ReturnsTo, Distribution Effort, int MaxRounds);

public sealed record SupportDefinition(string Role, double Share);

/// <summary>
/// A step that needs specialised staff (Spezialisierung): where the holding agency has fewer than
/// <see cref="MinStaff"/> posts, its own effort is multiplied by <see cref="EffortFactor"/> and an
/// approval returns the file with <see cref="ExtraReturns"/> added to its return probability.
/// </summary>
public sealed record SpecialistDefinition(int MinStaff, double EffortFactor, double ExtraReturns);

/// <summary>Who holds a role for a municipality: itself, the agent at a level above it, or one named agent.</summary>
public sealed record JurisdictionRule(
    string Role,
    JurisdictionHolder Holder,
    IReadOnlyDictionary<string, string> Overrides,
    SourcePosition Position);

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

/// <summary>
/// A law that makes every matching municipality start a project at a date, with a deadline
/// per group (the heat-planning law: over 100,000 inhabitants by mid-2026, the rest by mid-2028).
/// </summary>
public sealed record ShockDefinition(string Id, string Name, DateOnly Date, string Process, IReadOnlyList<ShockGroup> Groups, SourcePosition Position)
{
    /// <summary>Municipalities that meet their obligation with one joint project (a Konvoi), each list's lead first.</summary>
    public IReadOnlyList<JointMandateDefinition> Joint { get; init; } = [];

    /// <summary>Repealed by a variant: it obliges nobody, but its groups stay, so figures line up with the variants it still binds.</summary>
    public bool Repealed { get; init; }
}

/// <param name="Process">The process this group's municipalities start; null: the shock's (e.g. a simplified procedure for small ones).</param>
public sealed record ShockGroup(string Name, int? MinPopulation, int? MaxPopulation, DateOnly Deadline, string? Process = null);

/// <summary>
/// Obliged municipalities that meet a shock's obligation with one project of their lead (the
/// first member), whose completion counts for every member against its own deadline.
/// </summary>
/// <param name="Process">The process the joint project runs; null: the lead's group's.</param>
public sealed record JointMandateDefinition(IReadOnlyList<string> Members, string? Process);

/// <summary>
/// A joint working group (in the spirit of §78 SGB VIII): a consultation among its members is
/// settled at its next meeting instead of in separate rounds at each member's desk.
/// </summary>
public sealed record WorkingGroupDefinition(string Id, IReadOnlyList<AgentSelector> Members, CalendarDays Every, CalendarDays First)
{
    /// <summary>Where the group (or the operation that adds it) is written.</summary>
    public SourcePosition Position { get; init; }
}

/// <summary>A named reform variant: operations applied to the scenario before the run.</summary>
public sealed record VariantDefinition(string Id, string Name, string? Description, IReadOnlyList<VariantOperation> Operations, SourcePosition Position);

/// <summary>One change a variant makes (the operations are in the scenario language's Variants/).</summary>
public abstract record VariantOperation(SourcePosition Position)
{
    /// <summary>One line saying what the operation changes.</summary>
    public abstract string Describe();

    /// <summary>The scenario with this change made; a problem (an agent merged away by an earlier operation) throws with its position.</summary>
    public abstract ScenarioDefinition Apply(ScenarioDefinition scenario, VariantDefinition variant);
}
