using System.Globalization;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Scenario.Variants;

/// <summary>Merge districts into one: agencies with the same id pooled, staff scaled, hand-offs to the new district changed.</summary>
public sealed record MergeDistricts(IReadOnlyList<string> Districts, string Into, string Name, double StaffFactor, CalendarDays? Handoff, SourcePosition Position)
    : VariantOperation(Position)
{
    public override string Describe() =>
        $"merge districts {string.Join(", ", Districts)} into '{Into}', staff x{F(StaffFactor)}" +
        (Handoff is { } h ? $", hand-off municipal <-> {Into} {F(h.Value)} d" : "");

    internal static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Multiply the staff of the agencies that match (agent kind, level or ids; agency id or role).</summary>
public sealed record ScaleStaff(AgentKind? Kind, IReadOnlyList<string>? Agents, string? Agency, string? Role, double Factor, SourcePosition Position)
    : VariantOperation(Position)
{
    public override string Describe()
    {
        var who = Agents is { } ids ? string.Join(", ", ids) : Kind is { } k ? $"every {AgentKinds.Name(k)}" : "every agent";
        var what = Agency is not null ? $"agency '{Agency}'" : Role is not null ? $"the agency holding '{Role}'" : "all agencies";
        return $"scale staff of {what} of {who} by x{MergeDistricts.F(Factor)}";
    }
}

/// <summary>
/// Give a role to municipalities of at least <see cref="MinPopulation"/> inhabitants (kommunale
/// Federführung). Each gets an agency with its population's share of the former holder's staff;
/// with a support share, that share of each step's effort stays with the former holder, done in
/// parallel as a service (Dienstleisterrolle des Kreises), and that share of the staff stays too.
/// </summary>
public sealed record DelegateRole(string Role, int MinPopulation, double SupportShare, SourcePosition Position) : VariantOperation(Position)
{
    public override string Describe() =>
        $"delegate '{Role}' to municipalities of {MinPopulation:N0}+ inhabitants" +
        (SupportShare > 0 ? $", {MergeDistricts.F(SupportShare * 100)} % of each step done by the former holder as a service" : "");
}

/// <summary>Form a joint working group meeting every <see cref="Every"/>: the listed agents and everything below <see cref="Below"/>.</summary>
public sealed record AddWorkingGroup(string Id, IReadOnlyList<string> Members, string? Below, CalendarDays Every, SourcePosition Position)
    : VariantOperation(Position)
{
    public override string Describe() =>
        $"working group '{Id}' every {MergeDistricts.F(Every.Value)} d: " + string.Join(" and ", new[]
        {
            Members.Count > 0 ? string.Join(", ", Members) : null,
            Below is { } b ? $"all agents below {b}" : null,
        }.Where(x => x is not null));
}

/// <summary>A liaison at an operator (Kommunalbeauftragte): municipal requests get a priority and a response time.</summary>
public sealed record Liaison(string Agent, int Priority, CalendarDays? Response, SourcePosition Position) : VariantOperation(Position)
{
    public override string Describe() =>
        $"liaison at '{Agent}': municipal requests at priority {Priority}" + (Response is { } r ? $", response {MergeDistricts.F(r.Value)} d" : "");
}

/// <summary>Change how often councils meet (and optionally their agenda capacity).</summary>
public sealed record CouncilCadence(AgentKind? Kind, IReadOnlyList<string>? Agents, CalendarDays Every, int? Agenda, SourcePosition Position)
    : VariantOperation(Position)
{
    public override string Describe()
    {
        var who = Agents is { } ids ? string.Join(", ", ids) : Kind is { } k ? $"every {AgentKinds.Name(k)}" : "every council";
        return $"councils of {who} meet every {MergeDistricts.F(Every.Value)} d" + (Agenda is { } a ? $", {a} items per session" : "");
    }
}

/// <summary>Set the hand-off latency between two levels or agents.</summary>
public sealed record SetHandoff(string A, string B, CalendarDays Latency, SourcePosition Position) : VariantOperation(Position)
{
    public override string Describe() => $"hand-off {A} <-> {B}: {MergeDistricts.F(Latency.Value)} d";
}

/// <summary>
/// One level instead of two (kreisfreie Stadt): a district and everything below it become one
/// city. The municipalities stay as its quarters (projects still arise there, so arrivals and
/// efforts are unchanged), but every role they or the district held is the city's.
/// </summary>
public sealed record Unify(string District, string Into, string Name, SourcePosition Position) : VariantOperation(Position)
{
    public override string Describe() => $"make district '{District}' and all below it one city '{Into}' (one level)";
}
