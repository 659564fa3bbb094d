using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

internal sealed partial class ScenarioBinder
{
    private List<AgentDefinition>? BindAgents(YamlNode node, double hoursPerDay)
    {
        var seq = _r.Sequence(node, "agents");
        if (seq is null)
        {
            return null;
        }

        if (seq.Children.Count == 0)
        {
            _r.Error(seq, "agents must list at least one agent");
            return null;
        }

        if (seq.Children.Count > ScenarioLimits.MaxAgents)
        {
            _r.Error(seq, $"the scenario has {seq.Children.Count:N0} agents; the limit is {ScenarioLimits.MaxAgents:N0}");
            return null;
        }

        var agents = new List<AgentDefinition>(seq.Children.Count);
        foreach (var item in seq.Children)
        {
            var map = _r.Mapping(item, "an agent");
            if (map is null)
            {
                continue;
            }

            _r.CheckKeys(map, "an agent", ScenarioKeys.Agent);
            var idNode = _r.Require(map, "id", "an agent");
            var id = idNode is null ? null : _r.Id(idNode, "the agent id");
            if (id is not null && ReservedHolderWords.Contains(id))
            {
                // Reported, but kept, so that references to it do not produce a second, misleading error.
                _r.Error(idNode!, $"'{id}' is reserved in jurisdiction rules and cannot be an agent id; choose another id");
            }

            if (id is not null && !_agentIdNodes.TryAdd(id, idNode!))
            {
                var first = YamlReader.At(_agentIdNodes[id]);
                _r.Error(idNode!, $"duplicate agent id '{id}' (first defined at line {first.Line})");
                id = null;
            }

            var what = id is null ? "an agent" : $"agent '{id}'";
            AgentKind? kind = null;
            if (_r.Require(map, "kind", what) is { } kn && _r.Scalar(kn, $"the kind of {what}") is { } kindText)
            {
                if (AgentKinds.TryParse(kindText, out var k))
                {
                    kind = k;
                }
                else
                {
                    _r.Error(kn, $"unknown agent kind '{kindText}'{DidYouMean.Hint(kindText, AgentKinds.All)} (expected one of: {string.Join(", ", AgentKinds.All)})");
                }
            }

            var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
            int? population = null;
            if (YamlReader.Get(map, "population") is { } pn)
            {
                population = (int?)_r.Integer(pn, $"the population of {what}", 0, ScenarioLimits.MaxPopulation);
            }

            string? parent = null;
            YamlNode? parentNode = YamlReader.Get(map, "parent");
            if (parentNode is not null)
            {
                parent = _r.Id(parentNode, $"the parent of {what}");
            }

            // An entry with a bad value stays in (the definition is not built while there are
            // errors), so that the checks of other sections still see it and report their own problems.
            var agencies = YamlReader.Get(map, "agencies") is { } agn ? BindAgencies(agn, what, hoursPerDay) : [];
            if (id is null)
            {
                continue;
            }

            var agent = new AgentDefinition(id, kind ?? AgentKind.Municipality, name ?? id, population, parent, agencies, YamlReader.At(map));
            agents.Add(agent);
            if (parent is not null)
            {
                _parentRefs.Add((agent, parentNode!));
            }
        }

        return agents;
    }

    private List<AgencyDefinition> BindAgencies(YamlNode node, string agentWhat, double hoursPerDay)
    {
        var seq = _r.Sequence(node, $"the agencies of {agentWhat}");
        if (seq is null)
        {
            return [];
        }

        if (seq.Children.Count > ScenarioLimits.MaxAgenciesPerAgent)
        {
            _r.Error(seq, $"{agentWhat} has {seq.Children.Count} agencies; the limit is {ScenarioLimits.MaxAgenciesPerAgent}");
            return [];
        }

        var agencies = new List<AgencyDefinition>();
        var ids = new Dictionary<string, YamlNode>();
        var roleOwners = new Dictionary<string, string>();
        foreach (var item in seq.Children)
        {
            var map = _r.Mapping(item, $"an agency of {agentWhat}");
            if (map is null)
            {
                continue;
            }

            _r.CheckKeys(map, "an agency", ScenarioKeys.Agency);
            var idNode = _r.Require(map, "id", $"an agency of {agentWhat}");
            var id = idNode is null ? null : _r.Id(idNode, "the agency id");
            if (id is not null && !ids.TryAdd(id, idNode!))
            {
                _r.Error(idNode!, $"duplicate agency id '{id}' in {agentWhat} (first defined at line {YamlReader.At(ids[id]).Line})");
                id = null;
            }

            var what = id is null ? "an agency" : $"agency '{id}' of {agentWhat}";
            var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
            var sessions = YamlReader.Get(map, "sessions") is { } sessionsNode ? BindSessions(sessionsNode, what) : null;
            int? staff = 0;
            double? productivity = 1.0;
            if (YamlReader.Get(map, "sessions") is not null)
            {
                foreach (var key in new[] { "staff", "productivity", "queue", "project_priority", "background", "intake" })
                {
                    if (YamlReader.GetKeyNode(map, key) is { } keyNode)
                    {
                        _r.Error(keyNode, $"{what} is a council (it has sessions) and decides in session; '{key}' applies only to agencies with staff");
                    }
                }
            }
            else
            {
                var staffNode = _r.Require(map, "staff", what, " (or 'sessions' for a council)");
                staff = staffNode is null
                    ? null
                    : (int?)_r.Integer(staffNode, $"the staff of {what}", 1, ScenarioLimits.MaxStaff, "(an agency needs at least one person)");
                productivity = YamlReader.Get(map, "productivity") is { } pn
                    ? _r.Number(pn, $"the productivity of {what}", 0, 100, minExclusive: true)
                    : 1.0;
            }

            var priorityQueue = false;
            if (YamlReader.Get(map, "queue") is { } qn && _r.Scalar(qn, $"the queue of {what}") is { } queue)
            {
                priorityQueue = queue == "priority";
                if (queue is not ("fifo" or "priority"))
                {
                    _r.Error(qn, $"unknown queue discipline '{queue}'{DidYouMean.Hint(queue, ["fifo", "priority"])}; expected 'fifo' or 'priority'");
                }
            }

            var projectPriority = YamlReader.Get(map, "project_priority") is { } ppn ? (int?)_r.Integer(ppn, $"the project priority of {what}", 0, 9) : 2;
            var background = YamlReader.Get(map, "background") is { } bn ? BindBackground(bn, what, hoursPerDay) : null;
            var intake = YamlReader.Get(map, "intake") is { } inn ? BindIntake(inn, what) : null;

            var roles = new List<string>();
            if (_r.Require(map, "roles", what) is { } rn && _r.Sequence(rn, $"the roles of {what}") is { } roleSeq)
            {
                foreach (var roleNode in roleSeq.Children)
                {
                    if (_r.Id(roleNode, $"a role of {what}") is not { } role)
                    {
                        continue;
                    }

                    if (id is not null && !roleOwners.TryAdd(role, id))
                    {
                        _r.Error(roleNode, $"role '{role}' is already held by agency '{roleOwners[role]}' of {agentWhat}; a role belongs to one agency per agent");
                        continue;
                    }

                    roles.Add(role);
                }
            }

            if (id is null)
            {
                continue;
            }

            agencies.Add(new AgencyDefinition(id, name ?? id, roles, staff ?? 1, productivity ?? 1, YamlReader.At(map))
            {
                Sessions = sessions,
                PriorityQueue = priorityQueue,
                ProjectPriority = projectPriority ?? 2,
                Background = background,
                Intake = intake,
            });
        }

        return agencies;
    }

    private List<ProcessDefinition>? BindProcesses(YamlNode node, double hoursPerDay)
    {
        var seq = _r.Sequence(node, "processes");
        if (seq is null)
        {
            return null;
        }

        if (seq.Children.Count == 0)
        {
            _r.Error(seq, "processes must list at least one process");
            return null;
        }

        if (seq.Children.Count > ScenarioLimits.MaxProcesses)
        {
            _r.Error(seq, $"the scenario has {seq.Children.Count:N0} processes; the limit is {ScenarioLimits.MaxProcesses:N0}");
            return null;
        }

        var processes = new List<ProcessDefinition>();
        var ids = _processIdNodes;
        foreach (var item in seq.Children)
        {
            var map = _r.Mapping(item, "a process");
            if (map is null)
            {
                continue;
            }

            _r.CheckKeys(map, "a process", ScenarioKeys.Process);
            var idNode = _r.Require(map, "id", "a process");
            var id = idNode is null ? null : _r.Id(idNode, "the process id");
            if (id is not null && !ids.TryAdd(id, idNode!))
            {
                _r.Error(idNode!, $"duplicate process id '{id}' (first defined at line {YamlReader.At(ids[id]).Line})");
                id = null;
            }

            var what = id is null ? "a process" : $"process '{id}'";
            var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
            var segments = YamlReader.Get(map, "segments") is { } segn ? (int?)_r.Integer(segn, $"the segments of {what}", 2, 100, "(municipalities a linear measure crosses)") : 0;
            var steps = _r.Require(map, "steps", what) is { } sn ? BindSteps(sn, id ?? "?", what, hoursPerDay) : null;
            if (id is null || steps is null)
            {
                continue;
            }

            var process = new ProcessDefinition(id, name ?? id, steps, YamlReader.At(map)) { Segments = segments ?? 0 };
            CheckStepGraph(process, map);
            processes.Add(process);
        }

        return processes;
    }

    private List<StepDefinition>? BindSteps(YamlNode node, string processId, string processWhat, double hoursPerDay)
    {
        var seq = _r.Sequence(node, $"the steps of {processWhat}");
        if (seq is null)
        {
            return null;
        }

        if (seq.Children.Count == 0)
        {
            _r.Error(seq, $"{processWhat} must have at least one step");
            return null;
        }

        if (seq.Children.Count > ScenarioLimits.MaxStepsPerProcess)
        {
            _r.Error(seq, $"{processWhat} has {seq.Children.Count} steps; the limit is {ScenarioLimits.MaxStepsPerProcess}");
            return null;
        }

        var steps = new List<StepDefinition>();
        var ids = new Dictionary<string, YamlNode>();
        foreach (var item in seq.Children)
        {
            var map = _r.Mapping(item, $"a step of {processWhat}");
            if (map is null)
            {
                continue;
            }

            _r.CheckKeys(map, "a step", ScenarioKeys.Step);
            var idNode = _r.Require(map, "id", $"a step of {processWhat}");
            var id = idNode is null ? null : _r.Id(idNode, "the step id");
            if (id is not null && !ids.TryAdd(id, idNode!))
            {
                _r.Error(idNode!, $"duplicate step id '{id}' in {processWhat} (first defined at line {YamlReader.At(ids[id]).Line})");
                id = null;
            }

            var what = id is null ? "a step" : $"step '{id}' of {processWhat}";
            CurrentStep = (processId, id ?? "?");
            var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
            var kind = StepKind.Work;
            if (YamlReader.Get(map, "kind") is { } kn && _r.Scalar(kn, $"the kind of {what}") is { } kindText)
            {
                var k = Array.IndexOf(ScenarioKeys.StepKinds, kindText);
                if (k < 0)
                {
                    _r.Error(kn, $"unknown step kind '{kindText}'{DidYouMean.Hint(kindText, ScenarioKeys.StepKinds)} (expected one of: {string.Join(", ", ScenarioKeys.StepKinds)})");
                }
                else
                {
                    kind = (StepKind)k;
                }
            }

            var roleNode = _r.Require(map, "role", what);
            var role = roleNode is null ? null : _r.Id(roleNode, $"the role of {what}");
            Distribution? effort = null;
            if (kind == StepKind.Council)
            {
                if (YamlReader.GetKeyNode(map, "effort") is { } effortKey)
                {
                    _r.Error(effortKey, $"{what} is a council decision, taken in session; it has no effort (put the preparation in a step before it)");
                }

                effort = new ConstantDistribution(0);
            }
            else
            {
                var effortNode = _r.Require(map, "effort", what);
                effort = effortNode is null ? null : BindEffort(effortNode, $"the effort of {what}", hoursPerDay);
            }

            var extras = BindStepExtras(map, what, kind, hoursPerDay);
            var after = new List<string>();
            if (YamlReader.Get(map, "after") is { } an && _r.ScalarList(an, $"'after' of {what}") is { } list)
            {
                foreach (var (value, afterNode) in list)
                {
                    if (id is not null)
                    {
                        _afterNodes[(processId, id, after.Count)] = afterNode;
                    }

                    after.Add(value);
                }
            }

            if (id is null)
            {
                continue;
            }

            if (role is not null)
            {
                _roleNodes[(processId, id)] = roleNode!;
            }

            steps.Add(new StepDefinition(id, name ?? id, role ?? "", effort ?? new ConstantDistribution(0), after, YamlReader.At(map))
            {
                Kind = kind,
                Consult = extras.Consult,
                Deadline = extras.Deadline,
                Rework = extras.Rework,
                PerSegment = extras.PerSegment,
                Support = extras.Support,
            });
        }

        return steps;
    }

    /// <summary>Dangling 'after' references, cycles, and the single final step a process must end in.</summary>
    private bool CheckStepGraph(ProcessDefinition process, YamlMappingNode processMap)
    {
        var index = process.Steps.Select((s, i) => (s.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var ok = true;
        foreach (var step in process.Steps)
        {
            for (var k = 0; k < step.After.Count; k++)
            {
                var reference = step.After[k];
                var node = _afterNodes[(process.Id, step.Id, k)];
                if (!index.ContainsKey(reference))
                {
                    _r.Error(node, $"step '{step.Id}' of process '{process.Id}' comes after '{reference}', which is not a step of this process{DidYouMean.Hint(reference, index.Keys)}");
                    ok = false;
                }
                else if (reference == step.Id)
                {
                    _r.Error(node, $"step '{step.Id}' of process '{process.Id}' cannot come after itself");
                    ok = false;
                }
                else if (step.After.Take(k).Contains(reference))
                {
                    _r.Error(node, $"step '{step.Id}' lists '{reference}' twice in 'after'");
                    ok = false;
                }
            }
        }

        if (!ok)
        {
            return false;
        }

        if (FindCycle(process, index) is { } cycle)
        {
            var first = process.Steps[index[cycle[0]]];
            _r.Error(first.Position, $"the steps of process '{process.Id}' form a cycle: {string.Join(" -> ", cycle)} -> {cycle[0]} (each step comes after the next one listed); a process must be a directed acyclic graph");
            return false;
        }

        var usedAsPredecessor = process.Steps.SelectMany(s => s.After).ToHashSet();
        var finals = process.Steps.Where(s => !usedAsPredecessor.Contains(s.Id)).Select(s => s.Id).ToList();
        if (finals.Count > 1)
        {
            _r.Error(processMap, $"process '{process.Id}' ends in {finals.Count} steps ({string.Join(", ", finals)}); a process must end in exactly one final step: add a step that comes after all of them");
            return false;
        }

        return true;
    }

    /// <summary>A cycle in the 'after' relation as a list of step ids, or null. Depth-first, in file order, so the report is stable.</summary>
    private static List<string>? FindCycle(ProcessDefinition process, Dictionary<string, int> index)
    {
        var state = new int[process.Steps.Count]; // 0 new, 1 on stack, 2 done
        var stack = new List<int>();
        List<string>? found = null;

        bool Visit(int i)
        {
            state[i] = 1;
            stack.Add(i);
            foreach (var pred in process.Steps[i].After)
            {
                var j = index[pred];
                if (state[j] == 1)
                {
                    found = [.. stack.Skip(stack.IndexOf(j)).Select(k => process.Steps[k].Id)];
                    return true;
                }

                if (state[j] == 0 && Visit(j))
                {
                    return true;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[i] = 2;
            return false;
        }

        for (var i = 0; i < process.Steps.Count; i++)
        {
            if (state[i] == 0 && Visit(i))
            {
                return found;
            }
        }

        return null;
    }

    private List<JurisdictionRule>? BindJurisdiction(YamlNode node)
    {
        var map = _r.Mapping(node, "jurisdiction (role: holder)");
        if (map is null)
        {
            return null;
        }

        var rules = new List<JurisdictionRule>();
        foreach (var (keyNode, valueNode) in map.Children)
        {
            if (_r.Id(keyNode, "a role in jurisdiction") is not { } role)
            {
                continue;
            }

            YamlNode holderNode = valueNode;
            AgentKind? nearestKind = null;
            var overrides = new Dictionary<string, string>();
            if (valueNode is YamlMappingNode entry)
            {
                _r.CheckKeys(entry, $"the jurisdiction of role '{role}'", ScenarioKeys.JurisdictionEntry);
                if (_r.Require(entry, "holder", $"the jurisdiction of role '{role}'") is not { } hn)
                {
                    continue;
                }

                holderNode = hn;
                if (YamlReader.Get(entry, "kind") is { } kn && _r.Scalar(kn, $"the kind of holder of role '{role}'") is { } kindText)
                {
                    if (AgentKinds.TryParse(kindText, out var k))
                    {
                        nearestKind = k;
                    }
                    else
                    {
                        _r.Error(kn, $"unknown agent kind '{kindText}'{DidYouMean.Hint(kindText, AgentKinds.All)} (expected one of: {string.Join(", ", AgentKinds.All)})");
                    }
                }

                if (YamlReader.Get(entry, "overrides") is { } on && _r.Mapping(on, $"the overrides of role '{role}'") is { } overridesMap)
                {
                    foreach (var (mNode, aNode) in overridesMap.Children)
                    {
                        if (_r.Id(mNode, "a municipality in overrides") is { } m && _r.Id(aNode, $"the holder of role '{role}' for '{m}'") is { } a)
                        {
                            overrides[m] = a;
                            _overrideRefs.Add((role, m, a, mNode, aNode));
                        }
                    }
                }
            }

            if (_r.Id(holderNode, $"the holder of role '{role}' (self, administration, amt, district, state, nearest or an agent id)") is not { } holderText)
            {
                continue;
            }

            if (holderText != "nearest" && nearestKind is not null && valueNode is YamlMappingNode entryMap)
            {
                _r.Error(entryMap, $"'kind' goes with 'holder: nearest' in the jurisdiction of role '{role}'");
                continue;
            }

            var holder = holderText switch
            {
                "self" => JurisdictionHolder.OwnMunicipality,
                "administration" => JurisdictionHolder.OwnAdministration,
                "amt" => new JurisdictionHolder(false, AdministrativeLevel.Amt, null),
                "district" => new JurisdictionHolder(false, AdministrativeLevel.District, null),
                "state" => new JurisdictionHolder(false, AdministrativeLevel.State, null),
                "nearest" => new JurisdictionHolder(false, null, null) { Nearest = true, NearestKind = nearestKind },
                _ => new JurisdictionHolder(false, null, holderText),
            };
            _holderNodes[role] = holderNode;
            rules.Add(new JurisdictionRule(role, holder, overrides, YamlReader.At(keyNode)));
        }

        return rules;
    }

    private List<DemandDefinition>? BindDemand(YamlNode node)
    {
        var seq = _r.Sequence(node, "demand");
        if (seq is null)
        {
            return null;
        }

        var demand = new List<DemandDefinition>();
        foreach (var item in seq.Children)
        {
            var map = _r.Mapping(item, "a demand entry");
            if (map is null)
            {
                continue;
            }

            _r.CheckKeys(map, "a demand entry", ScenarioKeys.Demand);
            var processNode = _r.Require(map, "process", "a demand entry");
            var process = processNode is null ? null : _r.Id(processNode, "the process of a demand entry");
            List<(string, YamlNode)>? atNodes = null;
            IReadOnlyList<string>? at = null;
            var atOk = true;
            if (YamlReader.Get(map, "at") is { } atNode)
            {
                if (atNode is YamlScalarNode { Value: "all" })
                {
                    at = null;
                }
                else if (atNode is YamlSequenceNode)
                {
                    atNodes = _r.ScalarList(atNode, "'at' (the municipalities where projects arrive)");
                    at = atNodes?.Select(a => a.Item1).ToList();
                    atOk = atNodes is not null;
                }
                else
                {
                    _r.Error(atNode, $"expected 'all' or a list of municipality ids for 'at', found {YamlReader.Describe(atNode)}");
                    atOk = false;
                }
            }

            ArrivalRate? rate = null;
            if (_r.Require(map, "rate", "a demand entry") is { } rn && _r.Scalar(rn, "the rate of a demand entry") is { } rateText)
            {
                if (!Units.TryRate(rateText, out var r, out var error))
                {
                    _r.Error(rn, $"rate: {error}");
                }
                else if (r.PerDay < 0)
                {
                    _r.Error(rn, $"rate must not be negative, found '{rateText}'");
                }
                else
                {
                    rate = r;
                }
            }

            int? per = null;
            if (YamlReader.Get(map, "per_inhabitants") is { } pn)
            {
                per = (int?)_r.Integer(pn, "per_inhabitants", 1, ScenarioLimits.MaxPopulation);
                atOk &= per is not null;
            }

            int? minPop = null, maxPop = null;
            if (YamlReader.Get(map, "min_population") is { } minN)
            {
                minPop = (int?)_r.Integer(minN, "min_population", 0, ScenarioLimits.MaxPopulation);
                atOk &= minPop is not null;
            }

            if (YamlReader.Get(map, "max_population") is { } maxN)
            {
                maxPop = (int?)_r.Integer(maxN, "max_population", 0, ScenarioLimits.MaxPopulation);
                atOk &= maxPop is not null;
            }

            if (process is null || rate is null || !atOk)
            {
                continue;
            }

            var definition = new DemandDefinition(process, at, rate.Value, per, minPop, maxPop, YamlReader.At(map));
            demand.Add(definition);
            _demandRefs.Add((definition, processNode!, atNodes));
        }

        return demand;
    }
}
