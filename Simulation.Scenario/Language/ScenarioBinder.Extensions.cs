using System.Globalization;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>The parts of the format beyond plain work steps: hand-off rules, councils, background load, intake windows, step kinds, shocks, working groups.</summary>
internal sealed partial class ScenarioBinder
{
    private readonly List<(HandoffRule Rule, YamlNode ANode, YamlNode BNode)> _handoffRefs = [];
    private readonly List<(string Process, string Step, string Role, YamlNode Node)> _extraRoleRefs = [];
    private readonly List<(string Process, string Step, string Target, YamlNode Node)> _returnsToRefs = [];
    private readonly List<(ShockDefinition Shock, YamlNode ProcessNode)> _shockRefs = [];
    private readonly List<(string Member, YamlNode Node)> _memberRefs = [];
    private DateOnly? _start;

    private sealed record StepExtras(
        IReadOnlyList<string> Consult, CalendarDays? Deadline, ReworkDefinition? Rework, bool PerSegment, SupportDefinition? Support);

    private HandoffDefinition? BindHandoff(YamlNode node, CalendarDays? lookahead)
    {
        if (node is YamlScalarNode)
        {
            return HandoffLatency(node, "handoff", lookahead) is { } latency ? new HandoffDefinition(latency, []) : null;
        }

        var map = _r.Mapping(node, "handoff (a duration, or default and rules)");
        if (map is null)
        {
            return null;
        }

        _r.CheckKeys(map, "handoff", ScenarioKeys.Handoff);
        var fallback = YamlReader.Get(map, "default") is { } dn ? HandoffLatency(dn, "the default handoff", lookahead) : lookahead;
        var rules = new List<HandoffRule>();
        if (YamlReader.Get(map, "rules") is { } rn && _r.Sequence(rn, "handoff rules") is { } seq)
        {
            foreach (var item in seq.Children)
            {
                if (_r.Mapping(item, "a handoff rule") is not { } ruleMap)
                {
                    continue;
                }

                _r.CheckKeys(ruleMap, "a handoff rule", ScenarioKeys.HandoffRule);
                var between = _r.Require(ruleMap, "between", "a handoff rule") is { } bn ? _r.ScalarList(bn, "'between' (two levels or agent ids)") : null;
                var latency = _r.Require(ruleMap, "latency", "a handoff rule") is { } ln ? HandoffLatency(ln, "the latency of a handoff rule", lookahead) : null;
                if (between is { Count: not 2 })
                {
                    _r.Error(ruleMap, $"'between' of a handoff rule must name two levels or agents, found {between.Count}");
                    continue;
                }

                if (between is null || latency is null)
                {
                    continue;
                }

                var rule = new HandoffRule(between[0].Value, between[1].Value, latency.Value, YamlReader.At(ruleMap));
                rules.Add(rule);
                _handoffRefs.Add((rule, between[0].Node, between[1].Node));
            }
        }

        return fallback is { } f ? new HandoffDefinition(f, rules) : null;
    }

    private CalendarDays? HandoffLatency(YamlNode node, string what, CalendarDays? lookahead)
    {
        var latency = CalendarDuration(node, what, null);
        var text = ((YamlScalarNode)node).Value;
        if (latency is { } l && lookahead is { } la && l.Value < la.Value)
        {
            _r.Error(node, $"{what} must not be shorter than lookahead ({la}): no message may arrive sooner than the lookahead, found '{text}'");
            return null;
        }

        if (latency is { } big && big.Value > ScenarioLimits.MaxHandoffDays)
        {
            _r.Error(node, $"{what} must be at most {ScenarioLimits.MaxHandoffDays:N0} days, found '{text}'");
            return null;
        }

        return latency;
    }

    private SessionsDefinition? BindSessions(YamlNode node, string what)
    {
        if (_r.Mapping(node, $"the sessions of {what}") is not { } map)
        {
            return null;
        }

        _r.CheckKeys(map, "sessions", ScenarioKeys.Sessions);
        var every = _r.Require(map, "every", $"the sessions of {what}") is { } en ? CalendarDuration(en, $"how often {what} meets", null) : null;
        var first = YamlReader.Get(map, "first") is { } fn ? DateOrOffset(fn, $"the first session of {what}") : CalendarDays.Zero;
        var agenda = YamlReader.Get(map, "agenda") is { } an ? (int?)_r.Integer(an, $"the agenda of {what}", 1, 100_000, "(items decided per session)") : 100_000;
        var submission = YamlReader.Get(map, "submission") is { } sn ? OptionalDuration(sn, $"the submission period of {what}") : CalendarDays.Zero;
        return every is { } e && first is { } f && agenda is { } a && submission is { } s ? new SessionsDefinition(e, f, a, s) : null;
    }

    /// <summary>A date (days from the start) or a duration from the start.</summary>
    private CalendarDays? DateOrOffset(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (_start is { } start && date < start)
            {
                _r.Error(node, $"{what} must not be before the start ({start:yyyy-MM-dd}), found {text}");
                return null;
            }

            return _start is { } s ? new CalendarDays(date.DayNumber - s.DayNumber) : null;
        }

        return OptionalDuration(node, what);
    }

    /// <summary>A calendar duration that may be zero.</summary>
    private CalendarDays? OptionalDuration(YamlNode node, string what)
    {
        var text = _r.Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!Units.TryCalendar(text, null, out var value, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (value.Value < 0)
        {
            _r.Error(node, $"{what} must not be negative, found '{text}'");
            return null;
        }

        return value;
    }

    private BackgroundDefinition? BindBackground(YamlNode node, string what, double hoursPerDay)
    {
        if (_r.Mapping(node, $"the background work of {what}") is not { } map)
        {
            return null;
        }

        _r.CheckKeys(map, "background", ScenarioKeys.Background);
        var rate = _r.Require(map, "rate", $"the background work of {what}") is { } rn ? Rate(rn, $"the background rate of {what}") : null;
        var effort = _r.Require(map, "effort", $"the background work of {what}") is { } en ? BindEffort(en, $"the background effort of {what}", hoursPerDay) : null;
        var priority = YamlReader.Get(map, "priority") is { } pn ? (int?)_r.Integer(pn, $"the background priority of {what}", 0, 9) : 1;
        return rate is { } r && effort is not null && priority is { } p ? new BackgroundDefinition(r, effort, p) : null;
    }

    private ArrivalRate? Rate(YamlNode node, string what)
    {
        if (_r.Scalar(node, what) is not { } text)
        {
            return null;
        }

        if (!Units.TryRate(text, out var rate, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (rate.PerDay < 0)
        {
            _r.Error(node, $"{what} must not be negative, found '{text}'");
            return null;
        }

        return rate;
    }

    private IntakeDefinition? BindIntake(YamlNode node, string what)
    {
        if (_r.Mapping(node, $"the intake window of {what}") is not { } map)
        {
            return null;
        }

        _r.CheckKeys(map, "intake", ScenarioKeys.Intake);
        var opens = _r.Require(map, "opens", $"the intake window of {what}") is { } on ? MonthDay(on, "opens") : null;
        var closes = _r.Require(map, "closes", $"the intake window of {what}") is { } cn ? MonthDay(cn, "closes") : null;
        return opens is { } o && closes is { } c ? new IntakeDefinition(o.Month, o.Day, c.Month, c.Day) : null;
    }

    private (int Month, int Day)? MonthDay(YamlNode node, string what)
    {
        var text = _r.Scalar(node, what);
        if (text is not null && DateOnly.TryParseExact("2024-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return (d.Month, d.Day);
        }

        if (text is not null)
        {
            _r.Error(node, $"expected a day of the year as MM-DD for {what}, found '{text}'");
        }

        return null;
    }

    private StepExtras BindStepExtras(YamlMappingNode map, string what, StepKind kind, double hoursPerDay)
    {
        IReadOnlyList<string> consult = [];
        CalendarDays? deadline = null;
        ReworkDefinition? rework = null;
        SupportDefinition? support = null;
        var perSegment = false;
        var (processId, stepId) = CurrentStep;

        void NotFor(string key, string kinds)
        {
            if (YamlReader.GetKeyNode(map, key) is { } keyNode)
            {
                _r.Error(keyNode, $"'{key}' belongs to {kinds} steps, but {what} is a {ScenarioKeys.StepKinds[(int)kind]} step");
            }
        }

        if (kind == StepKind.Consultation)
        {
            if (_r.Require(map, "consult", what, " (the roles asked)") is { } cn && _r.ScalarList(cn, $"'consult' of {what}") is { } roles)
            {
                if (roles.Count == 0)
                {
                    _r.Error(cn, $"{what} must consult at least one role");
                }

                consult = [.. roles.Select(r => r.Value)];
                foreach (var (role, node) in roles)
                {
                    _extraRoleRefs.Add((processId, stepId, role, node));
                }
            }

            deadline = _r.Require(map, "deadline", what, " (after which silence counts as approval)") is { } dn ? CalendarDuration(dn, $"the deadline of {what}", null) : null;
        }
        else
        {
            NotFor("consult", "consultation");
            NotFor("deadline", "consultation");
        }

        if (kind == StepKind.Approval)
        {
            if (YamlReader.Get(map, "rework") is { } rn && _r.Mapping(rn, $"the rework of {what}") is { } rm)
            {
                _r.CheckKeys(rm, "rework", ScenarioKeys.Rework);
                var p = _r.Require(rm, "probability", $"the rework of {what}") is { } pn ? _r.Number(pn, $"the rework probability of {what}", 0, 1) : null;
                var local = YamlReader.Get(rm, "local_probability") is { } ln ? _r.Number(ln, $"the local rework probability of {what}", 0, 1) : p;
                var returnsTo = _r.Require(rm, "returns_to", $"the rework of {what}", " (the earlier step whose holder reworks the file)") is { } tn ? _r.Id(tn, $"returns_to of {what}") : null;
                var effort = _r.Require(rm, "effort", $"the rework of {what}") is { } en ? BindEffort(en, $"the rework effort of {what}", hoursPerDay) : null;
                var rounds = YamlReader.Get(rm, "max_rounds") is { } mn ? (int?)_r.Integer(mn, $"max_rounds of {what}", 1, 20) : 3;
                if (returnsTo is not null)
                {
                    _returnsToRefs.Add((processId, stepId, returnsTo, YamlReader.Get(rm, "returns_to")!));
                }

                if (p is { } prob && local is { } lp && returnsTo is not null && effort is not null && rounds is { } r)
                {
                    rework = new ReworkDefinition(prob, lp, returnsTo, effort, r);
                }
            }
        }
        else
        {
            NotFor("rework", "approval");
        }

        if (YamlReader.Get(map, "per_segment") is { } psn)
        {
            perSegment = _r.Boolean(psn, $"per_segment of {what}") ?? false;
        }

        if (YamlReader.Get(map, "support") is { } sn)
        {
            if (kind is StepKind.Council or StepKind.Consultation)
            {
                NotFor("support", "work and approval");
            }
            else if (_r.Mapping(sn, $"the support of {what}") is { } sm)
            {
                _r.CheckKeys(sm, "support", ScenarioKeys.Support);
                var role = _r.Require(sm, "role", $"the support of {what}") is { } rn ? _r.Id(rn, $"the support role of {what}") : null;
                var share = _r.Require(sm, "share", $"the support of {what}") is { } shn ? _r.Number(shn, $"the support share of {what}", 0, 1, minExclusive: true) : null;
                if (role is not null)
                {
                    _extraRoleRefs.Add((processId, stepId, role, YamlReader.Get(sm, "role")!));
                }

                if (role is not null && share is { } sh)
                {
                    support = new SupportDefinition(role, sh);
                }
            }
        }

        return new StepExtras(consult, deadline, rework, perSegment, support);
    }

    private List<ShockDefinition> BindShocks(YamlNode node)
    {
        var shocks = new List<ShockDefinition>();
        if (_r.Sequence(node, "shocks") is not { } seq)
        {
            return shocks;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in seq.Children)
        {
            if (_r.Mapping(item, "a shock") is not { } map)
            {
                continue;
            }

            _r.CheckKeys(map, "a shock", ScenarioKeys.Shock);
            var id = _r.Require(map, "id", "a shock") is { } idn ? _r.Id(idn, "the shock id") : null;
            if (id is not null && !ids.Add(id))
            {
                _r.Error(YamlReader.Get(map, "id")!, $"duplicate shock id '{id}'");
            }

            var what = $"shock '{id ?? "?"}'";
            var name = YamlReader.Get(map, "name") is { } nn ? _r.Scalar(nn, $"the name of {what}") : id;
            var date = _r.Require(map, "date", what) is { } dn ? _r.Date(dn, $"the date of {what}") : null;
            var processNode = _r.Require(map, "process", what);
            var process = processNode is null ? null : _r.Id(processNode, $"the process of {what}");
            var groups = new List<ShockGroup>();
            if (_r.Require(map, "groups", what) is { } gn && _r.Sequence(gn, $"the groups of {what}") is { } gseq)
            {
                foreach (var gi in gseq.Children)
                {
                    if (_r.Mapping(gi, $"a group of {what}") is not { } gm)
                    {
                        continue;
                    }

                    _r.CheckKeys(gm, "a shock group", ScenarioKeys.ShockGroup);
                    var gname = YamlReader.Get(gm, "name") is { } gnn ? _r.Scalar(gnn, $"the name of a group of {what}") : $"group {groups.Count + 1}";
                    var min = YamlReader.Get(gm, "min_population") is { } mn ? (int?)_r.Integer(mn, "min_population", 0, ScenarioLimits.MaxPopulation) : null;
                    var max = YamlReader.Get(gm, "max_population") is { } xn ? (int?)_r.Integer(xn, "max_population", 0, ScenarioLimits.MaxPopulation) : null;
                    var deadline = _r.Require(gm, "deadline", $"a group of {what}") is { } dln ? _r.Date(dln, $"the deadline of a group of {what}") : null;
                    if (deadline is { } d && date is { } start && d <= start)
                    {
                        _r.Error(YamlReader.Get(gm, "deadline")!, $"the deadline of a group of {what} must be after its date {start:yyyy-MM-dd}");
                    }

                    if (gname is not null && deadline is { } dl)
                    {
                        groups.Add(new ShockGroup(gname, min, max, dl));
                    }
                }

                if (gseq.Children.Count == 0)
                {
                    _r.Error(gn, $"{what} needs at least one group (which municipalities, and by when)");
                }
            }

            if (id is null || name is null || date is null || process is null)
            {
                continue;
            }

            var shock = new ShockDefinition(id, name, date.Value, process, groups, YamlReader.At(map));
            shocks.Add(shock);
            _shockRefs.Add((shock, processNode!));
        }

        return shocks;
    }

    private List<WorkingGroupDefinition> BindWorkingGroups(YamlNode node)
    {
        var groups = new List<WorkingGroupDefinition>();
        if (_r.Sequence(node, "working_groups") is not { } seq)
        {
            return groups;
        }

        foreach (var item in seq.Children)
        {
            if (_r.Mapping(item, "a working group") is not { } map)
            {
                continue;
            }

            _r.CheckKeys(map, "a working group", ScenarioKeys.WorkingGroup);
            if (BindGroupBody(map, "a working group") is { } group)
            {
                groups.Add(group);
            }
        }

        return groups;
    }

    /// <summary>id, members, below, every (and first): shared by working_groups and the working_group operation.</summary>
    private WorkingGroupDefinition? BindGroupBody(YamlMappingNode map, string what, bool inVariant = false)
    {
        // A variant's group may name agents its earlier operations create; those are checked with the variant's references.
        void Reference(string id, YamlNode node)
        {
            if (inVariant)
            {
                _variantAgentRefs.Add((id, node, what));
            }
            else
            {
                _memberRefs.Add((id, node));
            }
        }

        var id = _r.Require(map, "id", what) is { } idn ? _r.Id(idn, $"the id of {what}") : null;
        var members = new List<string>();
        if (YamlReader.Get(map, "members") is { } mn && _r.ScalarList(mn, $"the members of {what}") is { } list)
        {
            foreach (var (member, memberNode) in list)
            {
                members.Add(member);
                Reference(member, memberNode);
            }
        }

        if (YamlReader.Get(map, "below") is { } bn && _r.Id(bn, $"'below' of {what}") is { } below)
        {
            members.Add("below:" + below);
            Reference(below, bn);
        }

        var every = _r.Require(map, "every", what, " (how often it meets)") is { } en ? CalendarDuration(en, $"how often {what} meets", null) : null;
        var first = YamlReader.Get(map, "first") is { } fn ? DateOrOffset(fn, $"the first meeting of {what}") : CalendarDays.Zero;
        if (members.Count == 0)
        {
            _r.Error(map, $"{what} needs members (agent ids) or 'below' (an agent whose whole subtree joins)");
        }

        return id is not null && every is { } e && first is { } f && members.Count > 0 ? new WorkingGroupDefinition(id, members, e, f) { Position = YamlReader.At(map) } : null;
    }

    private (string Process, string Step) CurrentStep { get; set; } = ("?", "?");

    private void CheckExtensionReferences(
        List<ProcessDefinition> processes,
        List<JurisdictionRule> jurisdiction,
        HandoffDefinition? handoff,
        List<ShockDefinition> shocks,
        List<WorkingGroupDefinition> groups,
        List<VariantDefinition> variants)
    {
        var agentIds = _agentIdNodes.Keys.ToHashSet(StringComparer.Ordinal);
        var roles = jurisdiction.Select(j => j.Role).ToHashSet(StringComparer.Ordinal);
        foreach (var (_, aNode, bNode) in _handoffRefs)
        {
            foreach (var node in new[] { aNode, bNode })
            {
                var text = ((YamlScalarNode)node).Value!;
                if (!ScenarioKeys.Levels.Contains(text) && !agentIds.Contains(text))
                {
                    _r.Error(node, $"'{text}' in a handoff rule is neither a level ({string.Join(", ", ScenarioKeys.Levels)}) nor an agent{DidYouMean.Hint(text, ScenarioKeys.Levels.Concat(agentIds))}");
                }
            }
        }

        foreach (var (process, step, role, node) in _extraRoleRefs)
        {
            if (!roles.Contains(role))
            {
                _r.Error(node, $"step '{step}' of process '{process}' needs role '{role}', which has no entry in jurisdiction{DidYouMean.Hint(role, roles)}");
            }
        }

        var byProcess = processes.ToDictionary(p => p.Id);
        foreach (var (processId, stepId, target, node) in _returnsToRefs)
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
                _r.Error(node, $"step '{stepId}' returns files to '{target}', a {returnsTo.Kind.ToString().ToLowerInvariant()} step; rework is done by staff, so return to a work or approval step");
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

        foreach (var (shock, processNode) in _shockRefs)
        {
            if (!_processIdNodes.ContainsKey(shock.Process))
            {
                _r.Error(processNode, $"shock '{shock.Id}' starts process '{shock.Process}', which is not defined{DidYouMean.Hint(shock.Process, _processIdNodes.Keys)}");
            }
        }

        foreach (var (member, node) in _memberRefs)
        {
            if (!agentIds.Contains(member))
            {
                _r.Error(node, $"working group member '{member}' is not an agent{DidYouMean.Hint(member, agentIds)}");
            }
        }

        CheckVariantReferences(variants, agentIds, roles);
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
