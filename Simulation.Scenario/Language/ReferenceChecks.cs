using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>The second pass: every name one section uses for another's entry (agents, roles, processes, steps) is checked once all are read.</summary>
internal sealed class ReferenceChecks(YamlReader reader, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ScenarioReferences _refs = references;

    public void CheckReferences(
        List<AgentDefinition> agents,
        List<ProcessDefinition> processes,
        List<JurisdictionRule> jurisdiction,
        List<DemandDefinition> demand)
    {
        var agentIds = _refs.AgentIds.Keys.ToHashSet(StringComparer.Ordinal);
        var byId = agents.ToDictionary(a => a.Id, StringComparer.Ordinal);

        foreach (var (agent, parentNode) in _refs.Parents)
        {
            if (!agentIds.Contains(agent.Parent!))
            {
                _r.Error(parentNode, $"agent '{agent.Id}' names parent '{agent.Parent}', which is not an agent{DidYouMean.Hint(agent.Parent!, agentIds)}");
            }
            else if (agent.Parent == agent.Id)
            {
                _r.Error(parentNode, $"agent '{agent.Id}' cannot be its own parent");
            }
        }

        // A Bezirk is part of a city: the city is the municipality a law obliges, and the Bezirk's parent.
        foreach (var borough in agents.Where(a => a.Kind == AgentKind.Borough))
        {
            if (borough.Parent is null || (byId.TryGetValue(borough.Parent, out var city) && city.Kind != AgentKind.City))
            {
                var found = borough.Parent is null ? "it has none" : $"'{borough.Parent}' is a {AgentKinds.Name(byId[borough.Parent].Kind)}";
                _r.Error(borough.Position, $"agent '{borough.Id}' is a borough (Bezirk), part of a city: its parent must be a city, but {found}");
            }
        }

        foreach (var agent in agents)
        {
            var chain = new List<string> { agent.Id };
            var current = agent;
            while (current.Parent is { } p && byId.TryGetValue(p, out var parent))
            {
                if (chain.Contains(parent.Id))
                {
                    if (parent.Id == agent.Id && chain.Count > 1)
                    {
                        _r.Error(agent.Position, $"the parents of agent '{agent.Id}' form a cycle: {string.Join(" -> ", chain)} -> {agent.Id}");
                    }

                    break;
                }

                chain.Add(parent.Id);
                current = parent;
            }
        }

        var roles = jurisdiction.Select(j => j.Role).ToHashSet(StringComparer.Ordinal);
        foreach (var process in processes)
        {
            foreach (var step in process.Steps.Where(s => _refs.StepRoles.ContainsKey((process.Id, s.Id))))
            {
                if (!roles.Contains(step.Role))
                {
                    _r.Error(_refs.StepRoles[(process.Id, step.Id)],
                        $"step '{step.Id}' of process '{process.Id}' needs role '{step.Role}', which has no entry in jurisdiction{DidYouMean.Hint(step.Role, roles)}");
                }
            }
        }

        // A committee is found at the council's own agent: some agency with sessions must list it, and jurisdiction must not.
        var sessionRoles = agents.SelectMany(a => a.Agencies).Where(g => g.IsCouncil).SelectMany(g => g.Roles).ToHashSet(StringComparer.Ordinal);
        foreach (var (process, step, role, node) in _refs.StepCommittees)
        {
            var what = $"step '{step}' of process '{process}' is prepared by committee '{role}'";
            if (roles.Contains(role))
            {
                _r.Error(node, $"{what}, which has an entry in jurisdiction; a committee is the council's own (its agency lists the role), so give it a role of its own");
            }
            else if (!sessionRoles.Contains(role))
            {
                var staffed = agents.SelectMany(a => a.Agencies.Select(g => (Agent: a, Agency: g))).FirstOrDefault(x => x.Agency.Roles.Contains(role));
                _r.Error(node, staffed.Agency is { } g
                    ? $"{what}, but agency '{g.Id}' of '{staffed.Agent.Id}', which lists that role, has no sessions; a committee meets in session"
                    : $"{what}, but no agency with sessions lists that role{DidYouMean.Hint(role, sessionRoles.Where(r => !roles.Contains(r)))}");
            }
        }

        foreach (var rule in jurisdiction)
        {
            if (rule.Holder is { Kind: HolderKind.Agent, AgentId: { } holder } && !agentIds.Contains(holder))
            {
                _r.Error(_refs.Holders[rule.Role],
                    $"role '{rule.Role}' is held by '{holder}', which is neither an agent nor one of {HolderWords.Table.Expected}{DidYouMean.Hint(holder, agentIds.Concat(HolderWords.Reserved))}");
            }
        }

        foreach (var (role, municipality, agent, keyNode, valueNode) in _refs.Overrides)
        {
            if (!agentIds.Contains(municipality))
            {
                _r.Error(keyNode, $"override of role '{role}' names '{municipality}', which is not an agent{DidYouMean.Hint(municipality, agentIds)}");
            }
            else if (byId.TryGetValue(municipality, out var m) && !AgentKinds.IsMunicipal(m.Kind))
            {
                _r.Error(keyNode, $"override of role '{role}' names '{municipality}', which is a {AgentKinds.Name(m.Kind)}, not a municipality or city");
            }

            if (!agentIds.Contains(agent))
            {
                _r.Error(valueNode, $"override of role '{role}' for '{municipality}' names '{agent}', which is not an agent{DidYouMean.Hint(agent, agentIds)}");
            }
        }

        var processIds = _refs.ProcessIds.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (entry, processNode, atNodes) in _refs.Demand)
        {
            if (!processIds.Contains(entry.Process))
            {
                _r.Error(processNode, $"demand names process '{entry.Process}', which is not defined{DidYouMean.Hint(entry.Process, processIds)}");
            }

            foreach (var (id, node) in atNodes ?? [])
            {
                if (!agentIds.Contains(id))
                {
                    _r.Error(node, $"demand for '{entry.Process}' arrives at '{id}', which is not an agent{DidYouMean.Hint(id, agentIds)}");
                }
                else if (byId.TryGetValue(id, out var a) && !AgentKinds.IsMunicipal(a.Kind))
                {
                    _r.Error(node, $"demand for '{entry.Process}' arrives at '{id}', a {AgentKinds.Name(a.Kind)}; projects start at municipalities and cities");
                }
            }
        }
    }

    public void CheckExtensionReferences(
        List<ProcessDefinition> processes,
        List<JurisdictionRule> jurisdiction,
        HandoffDefinition? handoff,
        List<ShockDefinition> shocks,
        List<WorkingGroupDefinition> groups,
        List<VariantDefinition> variants)
    {
        var agentIds = _refs.AgentIds.Keys.ToHashSet(StringComparer.Ordinal);
        var roles = jurisdiction.Select(j => j.Role).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, aNode, bNode) in _refs.HandoffEndpoints)
        {
            foreach (var node in new[] { aNode, bNode })
            {
                var text = ((YamlScalarNode)node).Value!;
                if (!Levels.TryParseHandoffWord(text, out _) && !agentIds.Contains(text))
                {
                    _r.Error(node, $"'{text}' in a handoff rule is neither a level ({string.Join(", ", Levels.InHandoffRules)}) nor an agent{DidYouMean.Hint(text, Levels.InHandoffRules.Concat(agentIds))}");
                }
            }
        }

        foreach (var (process, step, role, node) in _refs.StepExtraRoles)
        {
            if (!roles.Contains(role))
            {
                _r.Error(node, $"step '{step}' of process '{process}' needs role '{role}', which has no entry in jurisdiction{DidYouMean.Hint(role, roles)}");
            }
        }

        var byProcess = processes.ToDictionary(p => p.Id);
        foreach (var (processId, stepId, target, node) in _refs.ReturnsTo)
        {
            if (!byProcess.TryGetValue(processId, out var process))
            {
                continue;
            }

            var step = process.Steps.FirstOrDefault(s => s.Id == stepId);
            var returnsTo = process.Steps.FirstOrDefault(s => s.Id == target);
            if (returnsTo is null)
            {
                _r.Error(node, $"step '{stepId}' returns files to '{target}', which is not a step of process '{processId}'{DidYouMean.Hint(target, process.Steps.Select(s => s.Id))}");
            }
            else if (step is not null && !Ancestors(process, step).Contains(target))
            {
                _r.Error(node, $"step '{stepId}' returns files to '{target}', which does not come before it; rework goes back to an earlier step");
            }
            else if (returnsTo.Kind is not (StepKind.Work or StepKind.Approval))
            {
                _r.Error(node, $"step '{stepId}' returns files to '{target}', a {StepKinds.Name(returnsTo.Kind)} step; rework is done by staff, so return to a work or approval step");
            }
            else if (step is not null && returnsTo.PerSegment != step.PerSegment)
            {
                _r.Error(node, $"step '{stepId}' returns files to '{target}', but only one of them is per_segment; both or neither must be");
            }
        }

        foreach (var process in processes)
        {
            foreach (var step in process.Steps.Where(s => s.PerSegment))
            {
                if (process.Segments == 0)
                {
                    _r.Error(step.Position, $"step '{step.Id}' is per_segment, but process '{process.Id}' has no segments (add 'segments: N' to the process)");
                }
                else if (!process.Steps.Any(s => s.After.Contains(step.Id)))
                {
                    _r.Error(step.Position, $"step '{step.Id}' is per_segment, but it is the final step of process '{process.Id}'; segments must be merged in a final step");
                }
            }
        }

        foreach (var (shock, processNode) in _refs.ShockProcesses)
        {
            if (!_refs.ProcessIds.ContainsKey(shock.Process))
            {
                _r.Error(processNode, $"shock '{shock.Id}' starts process '{shock.Process}', which is not defined{DidYouMean.Hint(shock.Process, _refs.ProcessIds.Keys)}");
            }
        }

        foreach (var (shock, process, node) in _refs.GroupProcesses.Where(g => !_refs.ProcessIds.ContainsKey(g.Process)))
        {
            _r.Error(node, $"a group of shock '{shock}' starts process '{process}', which is not defined{DidYouMean.Hint(process, _refs.ProcessIds.Keys)}");
        }

        foreach (var (member, node) in _refs.GroupMembers)
        {
            if (!agentIds.Contains(member))
            {
                _r.Error(node, $"working group member '{member}' is not an agent{DidYouMean.Hint(member, agentIds)}");
            }
        }

        foreach (var (id, node, what) in _refs.CostAgents)
        {
            if (!agentIds.Contains(id))
            {
                _r.Error(node, $"{what} names '{id}', which is not an agent{DidYouMean.Hint(id, agentIds)}");
            }
        }

        CheckVariantReferences(processes, agentIds, roles);
    }

    private void CheckVariantReferences(List<ProcessDefinition> processes, HashSet<string> agentIds, HashSet<string> roles)
    {
        // An id an operation creates (merge_districts, unify) may be named by later operations;
        // whether it exists by then is checked when the variant is applied.
        foreach (var (id, node, what) in _refs.VariantAgents)
        {
            if (!agentIds.Contains(id) && !_refs.VariantCreatedIds.Contains(id))
            {
                _r.Error(node, $"{what} names '{id}', which is not an agent{DidYouMean.Hint(id, agentIds)}");
            }
        }

        foreach (var (role, node) in _refs.VariantRoles)
        {
            if (!roles.Contains(role))
            {
                _r.Error(node, $"role '{role}' has no entry in jurisdiction{DidYouMean.Hint(role, roles)}");
            }
        }

        var byId = processes.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var (process, processNode, step, stepNode, what) in _refs.VariantSteps)
        {
            if (!byId.TryGetValue(process, out var p))
            {
                // Once, where the process is named (a step beside it is not a second problem).
                if (step is null)
                {
                    _r.Error(processNode, $"{what} names process '{process}', which is not defined{DidYouMean.Hint(process, byId.Keys)}");
                }
            }
            else if (step is not null && !p.Steps.Any(s => s.Id == step))
            {
                _r.Error(stepNode!, $"{what} names step '{step}', which is not a step of process '{process}'{DidYouMean.Hint(step, p.Steps.Select(s => s.Id))}");
            }
        }
    }

    private static HashSet<string> Ancestors(ProcessDefinition process, StepDefinition step)
    {
        var byId = process.Steps.ToDictionary(s => s.Id);
        var result = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(step.After);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (result.Add(id) && byId.TryGetValue(id, out var s))
            {
                foreach (var a in s.After)
                {
                    stack.Push(a);
                }
            }
        }

        return result;
    }
}
