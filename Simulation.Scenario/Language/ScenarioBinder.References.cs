using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

internal sealed partial class ScenarioBinder
{
    private void CheckReferences(
        List<AgentDefinition> agents,
        List<ProcessDefinition> processes,
        List<JurisdictionRule> jurisdiction,
        List<DemandDefinition> demand)
    {
        var agentIds = _agentIdNodes.Keys.ToHashSet(StringComparer.Ordinal);
        var byId = agents.ToDictionary(a => a.Id, StringComparer.Ordinal);

        foreach (var (agent, parentNode) in _parentRefs)
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
            foreach (var step in process.Steps.Where(s => _roleNodes.ContainsKey((process.Id, s.Id))))
            {
                if (!roles.Contains(step.Role))
                {
                    _r.Error(_roleNodes[(process.Id, step.Id)],
                        $"step '{step.Id}' of process '{process.Id}' needs role '{step.Role}', which has no entry in jurisdiction{DidYouMean.Hint(step.Role, roles)}");
                }
            }
        }

        foreach (var rule in jurisdiction)
        {
            if (rule.Holder.AgentId is { } holder && !agentIds.Contains(holder))
            {
                _r.Error(_holderNodes[rule.Role],
                    $"role '{rule.Role}' is held by '{holder}', which is neither an agent nor one of self, administration, amt, district, state, nearest{DidYouMean.Hint(holder, agentIds.Concat(ReservedHolderWords))}");
            }
        }

        foreach (var (role, municipality, agent, keyNode, valueNode) in _overrideRefs)
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

        var processIds = _processIdNodes.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var (entry, processNode, atNodes) in _demandRefs)
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
}
