using IsdnSim.Kernel.Definitions;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Checks that need the whole scenario: every role a project can need resolves to an agency of
/// the right sort (a council for council decisions, staff for work), for every municipality
/// where projects of that process can arise (by demand, by a shock, or as a segment of another's
/// linear measure). Used on the file as written and on every variant applied to it.
/// </summary>
public static class ScenarioChecks
{
    public static IReadOnlyList<(SourcePosition At, string Message)> Check(ScenarioDefinition scenario) => Check(scenario, passed: null);

    /// <summary>
    /// As <see cref="Check(ScenarioDefinition)"/>, for <paramref name="scenario"/> made from
    /// <paramref name="passed"/>, a definition that passed this check (a variant applied to the
    /// checked file). Where the two differ only in their working groups, hand-off rules and costs
    /// (a variant of such operations alone), every other check would read what passed and find
    /// nothing again, so only the checks of those three run: the role resolution for every
    /// municipality is most of a check's time at Germany's size.
    /// </summary>
    internal static IReadOnlyList<(SourcePosition At, string Message)> Check(ScenarioDefinition scenario, ScenarioDefinition? passed)
    {
        // Record equality compares the lists by reference: anything an operation rebuilt counts as changed.
        var full = passed is null
            || scenario with { WorkingGroups = passed.WorkingGroups, Handoff = passed.Handoff, Costs = passed.Costs, AppliedVariant = passed.AppliedVariant } != passed;
        var problems = new List<(SourcePosition, string)>();
        var needed = new List<(string Owner, ProcessDefinition Process)>();
        var processes = scenario.Processes.ToDictionary(p => p.Id);
        if (full)
        {
            NeededRoles(scenario, processes, problems, needed);
        }

        CheckNamedAgents(scenario, problems);
        if (full)
        {
            CheckCommittees(scenario, problems);
            CheckRoles(scenario, processes, needed, problems);
        }

        return problems;
    }

    /// <summary>Who needs the roles of which process: every municipality a demand entry or a shock gives projects.</summary>
    private static void NeededRoles(ScenarioDefinition scenario, Dictionary<string, ProcessDefinition> processes,
        List<(SourcePosition, string)> problems, List<(string Owner, ProcessDefinition Process)> needed)
    {
        // The first entry of each (municipality, process), by process and then municipality: a key of
        // both strings was hashed with the randomised default hash for every owner of every entry.
        var firstEntry = new Dictionary<string, Dictionary<string, DemandDefinition>>(StringComparer.Ordinal);
        foreach (var entry in scenario.Demand)
        {
            var owners = DemandOwners.Select(scenario, entry, out var problem);
            if (problem is not null)
            {
                problems.Add((entry.Position, problem));
                continue;
            }

            if (!firstEntry.TryGetValue(entry.Process, out var firstOfProcess))
            {
                firstEntry[entry.Process] = firstOfProcess = new Dictionary<string, DemandDefinition>(owners.Count, StringComparer.Ordinal);
            }

            foreach (var owner in owners)
            {
                // One arrival stream per (municipality, process): two would share its random numbers and project names.
                if (!firstOfProcess.TryAdd(owner.Id, entry))
                {
                    problems.Add((entry.Position, $"projects of '{entry.Process}' already arrive at '{owner.Id}' through the demand entry at line " +
                                                  $"{firstOfProcess[owner.Id].Position.Line}; give each municipality and process one entry (add the rates)"));
                    break;
                }

                needed.Add((owner.Id, processes[entry.Process]));
            }
        }

        foreach (var shock in scenario.Shocks)
        {
            var mandates = ShockMandates.Select(scenario, shock, out var shockProblem);
            if (shockProblem is not null)
            {
                problems.Add((shock.Position, shockProblem));
                continue;
            }

            needed.AddRange(mandates.Select(m => (m.Owner.Id, processes[m.Process])));
        }
    }

    private static void CheckNamedAgents(ScenarioDefinition scenario, List<(SourcePosition, string)> problems)
    {
        // Agents named by working groups and hand-off rules: checked in the file already, but a
        // variant's operations may have merged them away or named ones that come later.
        var agentIds = scenario.Agents.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in scenario.WorkingGroups)
        {
            foreach (var member in group.Members.Select(m => m.AgentId).Where(m => !agentIds.Contains(m)))
            {
                problems.Add((group.Position, $"working group '{group.Id}' names '{member}', which is not an agent (any more: an operation may have merged it)"));
            }
        }

        foreach (var rule in scenario.Handoff.Rules)
        {
            foreach (var end in new[] { rule.A, rule.B }.Where(e => !Levels.TryParseHandoffWord(e, out _) && !agentIds.Contains(e)))
            {
                problems.Add((rule.Position, $"the hand-off rule names '{end}', which is not an agent (any more: an operation may have merged it)"));
            }
        }

        // Costs: every cost item's agent, and every staffed agency costed (an operation that adds an
        // agency gives it the pay group of the posts it takes over).
        if (scenario.Costs is { } costs)
        {
            foreach (var item in costs.Items.Where(i => !agentIds.Contains(i.Agent)))
            {
                problems.Add((item.Position, $"the cost item '{item.Id}' names '{item.Agent}', which is not an agent (any more: an operation may have merged it)"));
            }

            foreach (var agent in scenario.Agents)
            {
                for (var i = 0; i < agent.Agencies.Count; i++)
                {
                    if (agent.Agencies[i] is { IsCouncil: false, Cost: null } agency)
                    {
                        problems.Add((agency.Position, $"agency '{agency.Id}' of '{agent.Id}' has no pay group, so its posts cannot be costed"));
                    }
                }
            }
        }
    }

    private static void CheckCommittees(ScenarioDefinition scenario, List<(SourcePosition, string)> problems)
    {
        // A committee (an agency listing a role council steps name as their committee) meets in
        // session and prepares nothing but what its council decides; a variant may pool agencies.
        var committeeRoles = scenario.CommitteeRoles();
        if (committeeRoles.Count == 0)
        {
            return;
        }

        foreach (var agent in scenario.Agents)
        {
            // By index, and the committee role found once: a query per agent allocated an
            // iterator and a delegate for each of the 13,000 agents of every check.
            for (var i = 0; i < agent.Agencies.Count; i++)
            {
                var agency = agent.Agencies[i];
                if (FirstCommitteeRole(agency.Roles, committeeRoles) is not { } committee)
                {
                    continue;
                }

                if (!agency.IsCouncil)
                {
                    problems.Add((agency.Position, $"agency '{agency.Id}' of '{agent.Id}' lists committee role '{committee}', but has no sessions; a committee meets in session"));
                }
                else if (agency.Roles.FirstOrDefault(r => !committeeRoles.Contains(r)) is { } other)
                {
                    problems.Add((agency.Position, $"agency '{agency.Id}' of '{agent.Id}' lists committee role '{committee}' and role '{other}'; a committee prepares the council's decisions, so it is an agency of its own"));
                }
            }
        }
    }

    private static string? FirstCommitteeRole(IReadOnlyList<string> roles, IReadOnlySet<string> committeeRoles)
    {
        for (var i = 0; i < roles.Count; i++)
        {
            if (committeeRoles.Contains(roles[i]))
            {
                return roles[i];
            }
        }

        return null;
    }

    private static void CheckRoles(ScenarioDefinition scenario, Dictionary<string, ProcessDefinition> processes,
        List<(string Owner, ProcessDefinition Process)> needed, List<(SourcePosition, string)> problems)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        var resolver = new JurisdictionResolver(scenario.Agents, scenario.Jurisdiction);
        var routes = new Lazy<SegmentRoutes>(() => new SegmentRoutes(scenario, resolver));

        // A municipality a linear measure may cross (the owner, then the others of its district) is
        // checked once per process, not once for every owner whose route may cross it.
        // Role names by the string object the step holds (hashing a reference, not the characters).
        var roleIndex = new Dictionary<string, int>(ReferenceEqualityComparer.Instance);
        int RoleIndex(string role)
        {
            if (!roleIndex.TryGetValue(role, out var k))
            {
                roleIndex[role] = k = resolver.RoleIndex(role);
            }

            return k;
        }

        // Pairs of a process and an agent by their indexes (a process's id is unique, so is the
        // process object; an agent's index is found through the resolver's ordinal dictionary):
        // a set of pairs of strings hashed both strings with the randomised default hash, for
        // every municipality, process and segment holder of every check.
        var processIndex = new Dictionary<ProcessDefinition, int>(ReferenceEqualityComparer.Instance);
        foreach (var p in processes.Values)
        {
            processIndex.Add(p, processIndex.Count);
        }

        var segmentChecked = new PairSet();
        var districtsChecked = new HashSet<(string Process, string District)>();
        var distinct = new PairSet();
        foreach (var (owner, process) in needed)
        {
            var ownerIndex = resolver.AgentIndex(owner);
            if (!distinct.Add(processIndex[process], owner, ownerIndex))
            {
                continue;
            }

            (string Id, int Index)[] ownerOnly = [(owner, ownerIndex)];
            (string Id, int Index)[] segmentOwners = process.Segments > 0 ? SegmentHolders(ownerOnly, process) : ownerOnly;
            // Loops by index: an interface's enumerator is an allocation, and these run for every
            // municipality and process of every check.
            for (var s = 0; s < process.Steps.Count; s++)
            {
                var step = process.Steps[s];
                foreach (var holderOwner in step.PerSegment ? segmentOwners : ownerOnly)
                {
                    CheckRole(step.Role, step, holderOwner, needCouncil: step.Kind == StepKind.Council, "");
                    for (var c = 0; c < step.Consult.Count; c++)
                    {
                        CheckRole(step.Consult[c], step, holderOwner, needCouncil: false, " (consulted)");
                    }

                    if (step.Support is { } support)
                    {
                        CheckRole(support.Role, step, holderOwner, needCouncil: false, " (support)");
                    }
                }
            }

            // The owner (given as the array of it alone) unless checked already for this process, then
            // its district's members not checked yet. Most owners' districts are checked already: they
            // get the owner's array or an empty one, not a list and an array of their own.
            (string Id, int Index)[] SegmentHolders((string Id, int Index)[] ownerOnly, ProcessDefinition process)
            {
                var (owner, ownerIndex) = ownerOnly[0];
                var p = processIndex[process];
                var ownerNew = segmentChecked.Add(p, owner, ownerIndex);
                var members = routes.Value.CrossableDistrict(owner) is { } district && districtsChecked.Add((process.Id, district))
                    ? routes.Value.Members(district)
                    : [];
                if (members.Count == 0)
                {
                    return ownerNew ? ownerOnly : [];
                }

                var holders = new List<(string, int)>((ownerNew ? 1 : 0) + members.Count);
                if (ownerNew)
                {
                    holders.Add((owner, ownerIndex));
                }

                foreach (var member in members)
                {
                    var index = resolver.AgentIndex(member.Id);
                    if (segmentChecked.Add(p, member.Id, index))
                    {
                        holders.Add((member.Id, index));
                    }
                }

                return [.. holders];
            }

            // By index where both are known: asked for every step of every process of every municipality.
            void CheckRole(string role, StepDefinition step, (string Id, int Index) holderOwner, bool needCouncil, string what)
            {
                var k = RoleIndex(role);
                var r = holderOwner.Index >= 0 && k >= 0 ? resolver.Resolve(holderOwner.Index, k) : resolver.Resolve(holderOwner.Id, role);
                if (!r.Ok)
                {
                    var rule = RuleOf(scenario, role);
                    if (reported.Add(r.HolderId is { } h ? $"{role}@{h}" : r.Problem!))
                    {
                        problems.Add((rule?.Position ?? step.Position, r.Problem + $" (needed by step '{step.Id}' of process '{process.Id}'{what})"));
                    }

                    return;
                }

                if (r.Agency!.IsCouncil != needCouncil && reported.Add($"kind:{process.Id}/{step.Id}/{role}@{r.Agent!.Id}"))
                {
                    problems.Add((step.Position, needCouncil
                        ? $"step '{step.Id}' of process '{process.Id}' is a council decision, but role '{role}' resolves to agency '{r.Agency.Id}' of '{r.Agent!.Id}', which has no sessions"
                        : $"step '{step.Id}' of process '{process.Id}'{what} needs staff, but role '{role}' resolves to the council '{r.Agency.Id}' of '{r.Agent!.Id}'; use kind: council for a decision in session"));
                }
            }
        }

        // What it resolved serves the compile of a definition that passed (the roles of every
        // municipality a project can need are most of both).
        if (problems.Count == 0)
        {
            resolver.HandOver();
        }
    }

    /// <summary>
    /// The jurisdiction rule for <paramref name="role"/>, if any: a method of its own, since a
    /// lambda capturing the role inside the check of a role would be an allocation at every call.
    /// </summary>
    private static JurisdictionRule? RuleOf(ScenarioDefinition scenario, string role) =>
        scenario.Jurisdiction.FirstOrDefault(j => j.Role == role);

    /// <summary>
    /// A set of (process, agent) pairs: by the agent's index where it has one, as one number;
    /// by its id otherwise (a name that is no agent), so that the set holds what a set of the
    /// pairs of ids would.
    /// </summary>
    private sealed class PairSet
    {
        private readonly HashSet<long> _byIndex = [];
        private readonly HashSet<(int, string)> _byId = [];

        /// <summary>Adds the pair; false if it was there.</summary>
        public bool Add(int process, string agent, int agentIndex) =>
            agentIndex >= 0 ? _byIndex.Add(((long)process << 32) | (uint)agentIndex) : _byId.Add((process, agent));
    }
}
