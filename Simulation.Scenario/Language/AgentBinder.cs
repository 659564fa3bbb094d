using System.Globalization;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Agents and their agencies: staff, councils and their sessions, background work, intake windows, absence.</summary>
internal sealed class AgentBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    /// <summary>What only an agency with staff has; a council (with sessions) reports each, in this order.</summary>
    private static readonly string[] StaffOnlyKeys = ["staff", "productivity", "queue", "project_priority", "background", "intake", "pay_group", "absence"];

    /// <param name="absence">The scenario's default absence, which every staffed agency gets unless it has its own.</param>
    public List<AgentDefinition>? BindAgents(YamlNode node, double hoursPerDay, AbsenceDefinition? absence = null)
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
            if (id is not null && HolderWords.IsReserved(id))
            {
                // Reported, but kept, so that references to it do not produce a second, misleading error.
                _r.Error(idNode!, $"'{id}' is reserved in jurisdiction rules and cannot be an agent id; choose another id");
            }

            if (id is not null && !_refs.AgentIds.TryAdd(id, idNode!))
            {
                var first = YamlReader.At(_refs.AgentIds[id]);
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

            int? seats = null;
            if (YamlReader.Get(map, "seats") is { } sn)
            {
                seats = (int?)_r.Integer(sn, $"the seats of {what}", 1, ScenarioLimits.MaxSeats, "(elected members of its assembly)");
            }

            var location = YamlReader.Get(map, "location") is { } ln ? BindLocation(ln, what) : null;
            string? parent = null;
            YamlNode? parentNode = YamlReader.Get(map, "parent");
            if (parentNode is not null)
            {
                parent = _r.Id(parentNode, $"the parent of {what}");
            }

            // An entry with a bad value stays in (the definition is not built while there are
            // errors), so that the checks of other sections still see it and report their own problems.
            var agencies = YamlReader.Get(map, "agencies") is { } agn ? BindAgencies(agn, what, kind, hoursPerDay, absence) : [];
            if (id is null)
            {
                continue;
            }

            var agent = new AgentDefinition(id, kind ?? AgentKind.Municipality, name ?? id, population, parent, agencies, YamlReader.At(map))
            {
                Seats = seats,
                Location = location,
            };
            agents.Add(agent);
            if (parent is not null)
            {
                _refs.Parents.Add((agent, parentNode!));
            }
        }

        return agents;
    }

    /// <summary>A place as [latitude, longitude] in degrees.</summary>
    private GeoPoint? BindLocation(YamlNode node, string what)
    {
        var description = $"the location of {what}";
        if (_r.Sequence(node, description) is not { } seq)
        {
            return null;
        }

        if (seq.Children.Count != 2)
        {
            _r.Error(seq, $"expected {description} as [latitude, longitude] in degrees, found {seq.Children.Count} value(s)");
            return null;
        }

        var lat = _r.Number(seq.Children[0], $"the latitude of {what}", -90, 90);
        var lon = _r.Number(seq.Children[1], $"the longitude of {what}", -180, 180);
        return lat is { } la && lon is { } lo ? new GeoPoint(la, lo) : null;
    }

    private List<AgencyDefinition> BindAgencies(YamlNode node, string agentWhat, AgentKind? kind, double hoursPerDay, AbsenceDefinition? absence)
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
                // Every municipality's council passes here (11,000 in Germany): one pass over its few
                // keys finds none of these, where looking for each key in turn scans them eight times.
                var staffOnly = map.Children.Keys.Any(k => k is YamlScalarNode { Value: { } v } && Array.IndexOf(StaffOnlyKeys, v) >= 0);
                foreach (var key in staffOnly ? StaffOnlyKeys : [])
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
            var defaults = absence ?? new AbsenceDefinition(null, null, null);
            var own = sessions is null && YamlReader.Get(map, "absence") is { } abn
                ? new AbsenceBinder(_r, _values).BindOverride(abn, defaults, what, hoursPerDay)
                : defaults;

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

            var cost = sessions is null && YamlReader.Get(map, "sessions") is null ? Cost(map, what, kind) : null;
            agencies.Add(new AgencyDefinition(id, name ?? id, roles, staff ?? 1, productivity ?? 1, YamlReader.At(map))
            {
                Cost = cost,
                Sessions = sessions,
                PriorityQueue = priorityQueue,
                ProjectPriority = projectPriority ?? 2,
                Background = background,
                Intake = intake,
                Absence = sessions is not null || own.IsNone ? null : own,
            });
        }

        return agencies;
    }

    /// <summary>
    /// The pay group of an agency with staff: its own, or its agent kind's default from the costs
    /// section; none without a costs section. A pay group whose amount had an error gives none
    /// (that error is reported once, at the amount).
    /// </summary>
    private PostCost? Cost(YamlMappingNode map, string what, AgentKind? kind)
    {
        var costs = new CostBinder(_r, _values, _refs);
        if (YamlReader.Get(map, "pay_group") is { } gn)
        {
            return costs.PayGroup(gn, $"the pay group of {what}") is { } group ? _refs.PayGroups!.Of(group) : null;
        }

        if (_refs.PayGroups is not { } table || kind is not { } k)
        {
            return null;
        }

        if (!table.Defaults.TryGetValue(k, out var fallback))
        {
            _r.Error(map, $"{what} has no pay group: name one with 'pay_group', or give agents of kind '{AgentKinds.Name(k)}' a default under costs.defaults");
            return null;
        }

        return fallback is null ? null : table.Of(fallback);
    }

    private SessionsDefinition? BindSessions(YamlNode node, string what)
    {
        if (_r.Mapping(node, $"the sessions of {what}") is not { } map)
        {
            return null;
        }

        _r.CheckKeys(map, "sessions", ScenarioKeys.Sessions);
        var every = _r.Require(map, "every", $"the sessions of {what}") is { } en ? _values.CalendarDuration(en, $"how often {what} meets", null) : null;
        var first = YamlReader.Get(map, "first") is { } fn ? _values.DateOrOffset(fn, $"the first session of {what}") : CalendarDays.Zero;
        var agenda = YamlReader.Get(map, "agenda") is { } an ? (int?)_r.Integer(an, $"the agenda of {what}", 1, 100_000, "(items decided per session)") : 100_000;
        var submission = YamlReader.Get(map, "submission") is { } sn ? _values.OptionalDuration(sn, $"the submission period of {what}") : CalendarDays.Zero;
        return every is { } e && first is { } f && agenda is { } a && submission is { } s ? new SessionsDefinition(e, f, a, s) : null;
    }

    private BackgroundDefinition? BindBackground(YamlNode node, string what, double hoursPerDay)
    {
        if (_r.Mapping(node, $"the background work of {what}") is not { } map)
        {
            return null;
        }

        _r.CheckKeys(map, "background", ScenarioKeys.Background);
        var rate = _r.Require(map, "rate", $"the background work of {what}") is { } rn ? _values.Rate(rn, $"the background rate of {what}") : null;
        var effort = _r.Require(map, "effort", $"the background work of {what}") is { } en ? _values.BindEffort(en, $"the background effort of {what}", hoursPerDay) : null;
        var priority = YamlReader.Get(map, "priority") is { } pn ? (int?)_r.Integer(pn, $"the background priority of {what}", 0, 9) : 1;
        return rate is { } r && effort is not null && priority is { } p ? new BackgroundDefinition(r, effort, p) : null;
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
}
