using System.Globalization;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Binds the YAML tree of a scenario to its definition: first each section on its own (types,
/// units, ranges, unknown keys), then the references between sections.
/// </summary>
internal sealed partial class ScenarioBinder(YamlReader reader)
{
    private static readonly string[] ReservedHolderWords = ["self", "administration", "amt", "district", "state", "nearest"];

    private readonly YamlReader _r = reader;

    // Nodes kept for the cross-reference pass, so its messages point at the right place.
    // Ids as declared, even where the rest of the entry had errors: references to them are not errors too.
    private readonly Dictionary<string, YamlNode> _agentIdNodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlNode> _processIdNodes = new(StringComparer.Ordinal);
    private readonly List<(AgentDefinition Agent, YamlNode ParentNode)> _parentRefs = [];
    private readonly Dictionary<(string Process, string Step), YamlNode> _roleNodes = [];
    private readonly Dictionary<(string Process, string Step, int Index), YamlNode> _afterNodes = [];
    private readonly Dictionary<string, YamlNode> _holderNodes = new(StringComparer.Ordinal);
    private readonly List<(string Role, string Municipality, string Agent, YamlNode KeyNode, YamlNode ValueNode)> _overrideRefs = [];
    private readonly List<(DemandDefinition Demand, YamlNode ProcessNode, List<(string, YamlNode)>? AtNodes)> _demandRefs = [];

    public ScenarioDefinition? Bind(YamlNode rootNode)
    {
        var root = _r.Mapping(rootNode, "the scenario (the top level of the file)");
        if (root is null)
        {
            return null;
        }

        _r.CheckKeys(root, "the scenario", ScenarioKeys.Root);

        if (YamlReader.Get(root, "format") is { } formatNode && _r.Scalar(formatNode, "format") is { } format && format != "1")
        {
            _r.Error(formatNode, $"this program reads scenario format 1, found format '{format}'");
            return null;
        }

        var name = YamlReader.Get(root, "name") is { } n ? _r.Scalar(n, "name") : Missing<string>(root, "name");
        var description = YamlReader.Get(root, "description") is { } dn ? _r.Scalar(dn, "description") : null;
        var seed = YamlReader.Get(root, "seed") is { } sn ? _r.UnsignedInteger(sn, "seed") : 1UL;
        var start = YamlReader.Get(root, "start") is { } stn ? _r.Date(stn, "start") : MissingValue<DateOnly>(root, "start");
        _start = start;
        var replications = YamlReader.Get(root, "replications") is { } rn
            ? (int?)_r.Integer(rn, "replications", 1, ScenarioLimits.MaxReplications)
            : 1;

        CalendarDays? horizon = null;
        if (YamlReader.Get(root, "horizon") is { } hn)
        {
            horizon = CalendarDuration(hn, "horizon", start);
            if (horizon is { } h && start is { } s)
            {
                CheckHorizon(hn, h, s);
            }
        }
        else
        {
            _r.ReportMissing(root, "horizon", "missing required key 'horizon' in the scenario (how long to simulate, e.g. '10y')");
        }

        CalendarDays? warmup = CalendarDays.Zero;
        if (YamlReader.Get(root, "warmup") is { } wn)
        {
            warmup = CalendarDuration(wn, "warmup", start, zeroAllowed: true);
            if (warmup is { } w && ScenarioLimits.WarmupProblem(w.Value, horizon?.Value ?? double.PositiveInfinity) is { } warmupProblem)
            {
                _r.Error(wn, warmupProblem);
                warmup = null;
            }
        }

        var calendar = YamlReader.Get(root, "calendar") is { } cn
            ? BindCalendar(cn)
            : new CalendarDefinition(false, DefaultWorkdays, new HashSet<DateOnly>(), 8);

        var lookahead = YamlReader.Get(root, "lookahead") is { } ln ? CalendarDuration(ln, "lookahead", null) : new CalendarDays(1);
        if (lookahead is { } la && YamlReader.Get(root, "lookahead") is { } lookNode)
        {
            if (la.Value < ScenarioLimits.MinLookaheadDays)
            {
                _r.Error(lookNode, $"lookahead must be at least 1h (the engine advances in windows of this length), found '{((YamlScalarNode)lookNode).Value}'");
                lookahead = null;
            }
        }

        if (lookahead is { } lv && lv.Value > ScenarioLimits.MaxHandoffDays && YamlReader.Get(root, "lookahead") is { } lookaheadNode)
        {
            _r.Error(lookaheadNode, $"lookahead must be at most {ScenarioLimits.MaxHandoffDays:N0} days, found '{((YamlScalarNode)lookaheadNode).Value}'");
        }

        var handoff = YamlReader.Get(root, "handoff") is { } hon
            ? BindHandoff(hon, lookahead)
            : lookahead is { } defaultLatency ? new HandoffDefinition(defaultLatency, []) : null;

        if (horizon is { } hz && lookahead is { } lk && ScenarioLimits.WindowsProblem(hz.Value, lk.Value) is { } windows)
        {
            _r.Error(YamlReader.Get(root, "lookahead") ?? root, windows);
        }

        var agents = YamlReader.Get(root, "agents") is { } an ? BindAgents(an, calendar.HoursPerDay) : Missing<List<AgentDefinition>>(root, "agents");
        var processes = YamlReader.Get(root, "processes") is { } pn
            ? BindProcesses(pn, calendar.HoursPerDay)
            : Missing<List<ProcessDefinition>>(root, "processes");
        var jurisdiction = YamlReader.Get(root, "jurisdiction") is { } jn
            ? BindJurisdiction(jn)
            : Missing<List<JurisdictionRule>>(root, "jurisdiction");
        var demand = YamlReader.Get(root, "demand") is { } den ? BindDemand(den) : Missing<List<DemandDefinition>>(root, "demand");
        var shocks = YamlReader.Get(root, "shocks") is { } shn ? BindShocks(shn) : [];
        var groups = YamlReader.Get(root, "working_groups") is { } wgn ? BindWorkingGroups(wgn) : [];
        var variants = YamlReader.Get(root, "variants") is { } vn ? BindVariants(vn, calendar.HoursPerDay) : [];

        if (agents is not null && processes is not null && jurisdiction is not null && demand is not null)
        {
            CheckReferences(agents, processes, jurisdiction, demand);
            CheckExtensionReferences(processes, jurisdiction, handoff, shocks, groups, variants);
        }

        if (_r.HasErrors || name is null || start is null || horizon is null || replications is null || lookahead is null || handoff is null
            || agents is null || processes is null || jurisdiction is null || demand is null || seed is null || warmup is null)
        {
            return null;
        }

        var definition = new ScenarioDefinition(name, description, seed.Value, start.Value, horizon.Value, replications.Value, calendar,
            lookahead.Value, handoff, agents, processes, jurisdiction, demand)
        {
            Shocks = shocks,
            WorkingGroups = groups,
            Variants = variants,
            Warmup = warmup.Value,
        };
        foreach (var (at, message) in ScenarioChecks.Check(definition))
        {
            _r.Error(at, message);
        }

        if (!_r.HasErrors && ScenarioLimits.ProjectsProblem(ScenarioLimits.ExpectedProjects(definition)) is { } projects)
        {
            _r.Error(YamlReader.Get(root, "demand") ?? root, projects);
        }

        if (!_r.HasErrors)
        {
            CheckVariantsApply(definition);
        }

        return _r.HasErrors ? null : definition;
    }

    private static readonly IReadOnlySet<DayOfWeek> DefaultWorkdays = new HashSet<DayOfWeek>
    {
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday,
    };

    private T? Missing<T>(YamlMappingNode map, string key)
        where T : class
    {
        _r.ReportMissing(map, key, $"missing required key '{key}' in the scenario");
        return null;
    }

    private T? MissingValue<T>(YamlMappingNode map, string key)
        where T : struct
    {
        _r.ReportMissing(map, key, $"missing required key '{key}' in the scenario");
        return null;
    }

    private CalendarDays? CalendarDuration(YamlNode node, string what, DateOnly? from, bool zeroAllowed = false)
    {
        var text = _r.Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!Units.TryCalendar(text, from, out var value, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (value.Value < 0 || (value.Value == 0 && !zeroAllowed))
        {
            _r.Error(node, zeroAllowed ? $"{what} must not be negative, found '{text}'" : $"{what} must be longer than zero, found '{text}'");
            return null;
        }

        return value;
    }

    private void CheckHorizon(YamlNode node, CalendarDays horizon, DateOnly start)
    {
        if (ScenarioLimits.HorizonProblem(((YamlScalarNode)node).Value!, start, horizon.Value) is { } problem)
        {
            _r.Error(node, problem);
        }
    }

    private CalendarDefinition BindCalendar(YamlNode node)
    {
        var fallback = new CalendarDefinition(false, DefaultWorkdays, new HashSet<DateOnly>(), 8);
        var map = _r.Mapping(node, "calendar");
        if (map is null)
        {
            return fallback;
        }

        _r.CheckKeys(map, "calendar", ScenarioKeys.Calendar);
        var continuous = false;
        if (YamlReader.Get(map, "kind") is { } kn && _r.Scalar(kn, "calendar kind") is { } kind)
        {
            switch (kind)
            {
                case "working-days":
                    break;
                case "continuous":
                    continuous = true;
                    break;
                default:
                    _r.Error(kn, $"unknown calendar kind '{kind}'{DidYouMean.Hint(kind, ["working-days", "continuous"])}; expected 'working-days' or 'continuous'");
                    break;
            }
        }

        var workdays = DefaultWorkdays;
        if (YamlReader.Get(map, "workdays") is { } wn && _r.ScalarList(wn, "workdays") is { } list)
        {
            var days = new HashSet<DayOfWeek>();
            string[] names = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
            foreach (var (value, item) in list)
            {
                var index = Array.IndexOf(names, value);
                if (index < 0)
                {
                    _r.Error(item, $"unknown weekday '{value}'{DidYouMean.Hint(value, names)}; expected mon, tue, wed, thu, fri, sat or sun");
                }
                else if (!days.Add((DayOfWeek)index))
                {
                    _r.Error(item, $"weekday '{value}' is listed twice in workdays");
                }
            }

            if (days.Count == 0 && list.Count == 0)
            {
                _r.Error(wn, "workdays must list at least one weekday");
            }

            workdays = days;
        }

        var holidays = new HashSet<DateOnly>();
        if (YamlReader.Get(map, "holidays") is { } hn && _r.Sequence(hn, "holidays") is { } seq)
        {
            foreach (var item in seq.Children)
            {
                if (_r.Date(item, "a holiday") is { } date && !holidays.Add(date))
                {
                    _r.Error(item, $"holiday {date:yyyy-MM-dd} is listed twice");
                }
            }
        }

        var hours = YamlReader.Get(map, "hours_per_day") is { } hpn ? _r.Number(hpn, "hours_per_day", 0, 24, minExclusive: true) ?? 8 : 8;
        if (continuous)
        {
            foreach (var key in new[] { "workdays", "holidays" })
            {
                if (YamlReader.GetKeyNode(map, key) is { } keyNode)
                {
                    _r.Error(keyNode, $"'{key}' has no effect on a continuous calendar, where every day is a working day; remove it or use kind: working-days");
                }
            }
        }

        return new CalendarDefinition(continuous, workdays, holidays, hours);
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private Distribution? BindEffort(YamlNode node, string what, double hoursPerDay)
    {
        if (node is YamlScalarNode)
        {
            return WorkValue(node, what, hoursPerDay) is { } constant ? new ConstantDistribution(constant) : null;
        }

        var map = _r.Mapping(node, what);
        if (map is null)
        {
            return null;
        }

        var distNode = _r.Require(map, "dist", what);
        var dist = distNode is null ? null : _r.Scalar(distNode, $"the distribution of {what}");
        if (dist is null)
        {
            return null;
        }

        if (!ScenarioKeys.Distributions.TryGetValue(dist, out var keys))
        {
            _r.Error(distNode!, $"unknown distribution '{dist}'{DidYouMean.Hint(dist, ScenarioKeys.Distributions.Keys)} (expected one of: {string.Join(", ", ScenarioKeys.Distributions.Keys)})");
            return null;
        }

        _r.CheckKeys(map, $"a {dist} distribution", keys);
        double? Param(string key)
        {
            var p = _r.Require(map, key, $"a {dist} distribution");
            return p is null ? null : WorkValue(p, $"{key} of {what}", hoursPerDay);
        }

        switch (dist)
        {
            case "constant":
                return Param("value") is { } v ? new ConstantDistribution(v) : null;
            case "exponential":
                if (Param("mean") is not { } mean)
                {
                    return null;
                }

                return mean > 0 ? new ExponentialDistribution(mean) : Invalid(map, $"the mean of {what} must be greater than zero");
            case "lognormal":
                // Every parameter is read before any is given up on, so all their problems are reported.
                var (lmean, lsd) = (Param("mean"), Param("sd"));
                if (lmean is not { } lm || lsd is not { } sd)
                {
                    return null;
                }

                return lm > 0 ? new LognormalDistribution(lm, sd) : Invalid(map, $"the mean of {what} must be greater than zero");
            case "triangular":
                var (tlo, tmode, thi) = (Param("min"), Param("mode"), Param("max"));
                if (tlo is not { } tmin || tmode is not { } mode || thi is not { } tmax)
                {
                    return null;
                }

                return tmin <= mode && mode <= tmax && tmin < tmax
                    ? new TriangularDistribution(tmin, mode, tmax)
                    : Invalid(map, $"{what} needs min <= mode <= max and min < max, found min {Invariant(tmin)}, mode {Invariant(mode)}, max {Invariant(tmax)} working days");
            case "uniform":
                var (ulo, uhi) = (Param("min"), Param("max"));
                if (ulo is not { } umin || uhi is not { } umax)
                {
                    return null;
                }

                return umin < umax
                    ? new UniformDistribution(umin, umax)
                    : Invalid(map, $"{what} needs min < max, found min {Invariant(umin)}, max {Invariant(umax)} working days");
            default:
                var valuesNode = _r.Require(map, "values", $"an empirical distribution");
                if (valuesNode is null || _r.Sequence(valuesNode, $"the values of {what}") is not { } seq)
                {
                    return null;
                }

                var values = new List<double>();
                foreach (var item in seq.Children)
                {
                    if (WorkValue(item, $"a value of {what}", hoursPerDay) is { } x)
                    {
                        values.Add(x);
                    }
                }

                return values.Count == seq.Children.Count && values.Count > 0
                    ? new EmpiricalDistribution(values)
                    : values.Count == 0 && seq.Children.Count == 0 ? Invalid(valuesNode, $"the values of {what} must list at least one value") : null;
        }
    }

    private Distribution? Invalid(YamlNode node, string message)
    {
        _r.Error(node, message);
        return null;
    }

    private double? WorkValue(YamlNode node, string what, double hoursPerDay)
    {
        var text = _r.Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!Units.TryWork(text, hoursPerDay, out var work, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (work.Value < 0)
        {
            _r.Error(node, $"{what} must not be negative, found '{text}'");
            return null;
        }

        return work.Value;
    }
}
