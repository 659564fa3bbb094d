using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Processes and their steps, and the graph the steps form.</summary>
internal sealed class ProcessBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    private readonly StepExtrasBinder _extras = new(reader, values, references);

    // The node of each 'after' entry, for messages about the step graph.
    private readonly Dictionary<(string Process, string Step, int Index), YamlNode> _afterNodes = [];

    public List<ProcessDefinition>? BindProcesses(YamlNode node, double hoursPerDay)
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
        var ids = _refs.ProcessIds;
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
            var priority = YamlReader.Get(map, "priority") is { } prn ? (int?)_r.Integer(prn, $"the priority of {what}", 0, 9, "(lower first, at agencies with queue: priority)") : null;
            var steps = _r.Require(map, "steps", what) is { } sn ? BindSteps(sn, id ?? "?", what, hoursPerDay) : null;
            if (id is null || steps is null)
            {
                continue;
            }

            var process = new ProcessDefinition(id, name ?? id, steps, YamlReader.At(map)) { Segments = segments ?? 0, Priority = priority };
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
            var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
            var kind = StepKind.Work;
            var kindKnown = true;
            if (YamlReader.Get(map, "kind") is { } kn && _r.Scalar(kn, $"the kind of {what}") is { } kindText)
            {
                // An unknown kind is reported once; the checks that depend on the kind are skipped, so they add no follow-on errors.
                kindKnown = StepKinds.TryParse(kindText, out kind);
                if (!kindKnown)
                {
                    _r.Error(kn, $"unknown step kind '{kindText}'{DidYouMean.Hint(kindText, StepKinds.All)} (expected one of: {StepKinds.Table.Expected})");
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
            else if (kind == StepKind.Period)
            {
                if (YamlReader.GetKeyNode(map, "effort") is { } effortKey)
                {
                    _r.Error(effortKey, $"{what} is a legal period, in which nobody works; it has no effort, only a duration (put staff work in a step before or after it)");
                }

                effort = new ConstantDistribution(0);
            }
            else
            {
                var effortNode = kindKnown ? _r.Require(map, "effort", what) : YamlReader.Get(map, "effort");
                effort = effortNode is null ? null : _values.BindEffort(effortNode, $"the effort of {what}", hoursPerDay);
            }

            var extras = kindKnown ? _extras.BindStepExtras(map, what, kind, hoursPerDay, (processId, id ?? "?")) : StepExtras.None;
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
                _refs.StepRoles[(processId, id)] = roleNode!;
            }

            steps.Add(new StepDefinition(id, name ?? id, role ?? "", effort ?? new ConstantDistribution(0), after, YamlReader.At(map))
            {
                Kind = kind,
                Consult = extras.Consult,
                Deadline = extras.Deadline,
                Rework = extras.Rework,
                PerSegment = extras.PerSegment,
                Support = extras.Support,
                Discretion = extras.Discretion,
                Specialist = extras.Specialist,
                Duration = extras.Duration,
                DeemedAfter = extras.DeemedAfter,
                Committees = extras.Committees,
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
}
