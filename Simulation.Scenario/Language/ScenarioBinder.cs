using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Binds the YAML tree of a scenario to its definition: first each section on its own, by its
/// section binder (types, units, ranges, unknown keys), then the references between sections
/// (<see cref="ReferenceChecks"/>), then the checks of the whole and of every variant applied.
/// What a section binder needs from the others (the start date, the hours of a working day, the
/// lookahead) is passed to it; what it leaves for the reference checks goes into one
/// <see cref="ScenarioReferences"/>.
/// </summary>
/// <param name="variantsToCheck">The variants whose application is checked (null: every one), so a silo that runs one variant of a checked file need not apply them all.</param>
/// <param name="bound">Told the definition once it is bound and its references checked, before the checks of the whole: a run starts its other variants' checks there, beside the file's own.</param>
internal sealed class ScenarioBinder(YamlReader reader, IReadOnlySet<string>? variantsToCheck = null, Action<ScenarioDefinition>? bound = null)
{
    private readonly YamlReader _r = reader;

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
        var values = new ValueBinder(_r, start);
        var references = new ScenarioReferences();
        var replications = YamlReader.Get(root, "replications") is { } rn
            ? (int?)_r.Integer(rn, "replications", 1, ScenarioLimits.MaxReplications)
            : 1;

        CalendarDays? horizon = null;
        if (YamlReader.Get(root, "horizon") is { } hn)
        {
            horizon = values.CalendarDuration(hn, "horizon", start);
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
            warmup = values.CalendarDuration(wn, "warmup", start, zeroAllowed: true);
            if (warmup is { } w && ScenarioLimits.WarmupProblem(w.Value, horizon?.Value ?? double.PositiveInfinity) is { } warmupProblem)
            {
                _r.Error(wn, warmupProblem);
                warmup = null;
            }
        }

        var calendar = YamlReader.Get(root, "calendar") is { } cn
            ? new CalendarBinder(_r).BindCalendar(cn)
            : CalendarBinder.Default;

        var lookahead = YamlReader.Get(root, "lookahead") is { } ln ? values.CalendarDuration(ln, "lookahead", null) : new CalendarDays(1);
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
            ? new HandoffBinder(_r, values, references).BindHandoff(hon, lookahead)
            : lookahead is { } defaultLatency ? new HandoffDefinition(defaultLatency, []) : null;

        if (horizon is { } hz && lookahead is { } lk && ScenarioLimits.WindowsProblem(hz.Value, lk.Value) is { } windows)
        {
            _r.Error(YamlReader.Get(root, "lookahead") ?? root, windows);
        }

        // Before the agents: their agencies name pay groups.
        var costs = YamlReader.Get(root, "costs") is { } costNode ? new CostBinder(_r, values, references).BindCosts(costNode) : null;
        var absence = YamlReader.Get(root, "absence") is { } abn ? new AbsenceBinder(_r, values).BindDefault(abn, calendar.HoursPerDay) : null;
        var agents = YamlReader.Get(root, "agents") is { } an
            ? new AgentBinder(_r, values, references).BindAgents(an, calendar.HoursPerDay, absence)
            : Missing<List<AgentDefinition>>(root, "agents");
        var processes = YamlReader.Get(root, "processes") is { } pn
            ? new ProcessBinder(_r, values, references).BindProcesses(pn, calendar.HoursPerDay)
            : Missing<List<ProcessDefinition>>(root, "processes");
        var jurisdiction = YamlReader.Get(root, "jurisdiction") is { } jn
            ? new JurisdictionBinder(_r, values, references).BindJurisdiction(jn)
            : Missing<List<JurisdictionRule>>(root, "jurisdiction");
        var demand = YamlReader.Get(root, "demand") is { } den ? new DemandBinder(_r, values, references).BindDemand(den) : Missing<List<DemandDefinition>>(root, "demand");
        var shocks = YamlReader.Get(root, "shocks") is { } shn ? new ShockBinder(_r, values, references).BindShocks(shn) : [];
        var groups = YamlReader.Get(root, "working_groups") is { } wgn ? new WorkingGroupBinder(_r, values, references).BindWorkingGroups(wgn) : [];
        var variantBinder = new VariantBinder(_r, values, references);
        var variants = YamlReader.Get(root, "variants") is { } vn ? variantBinder.BindVariants(vn) : [];
        var uncertain = YamlReader.Get(root, "uncertain") is { } un ? new UncertainBinder(_r, root, calendar.HoursPerDay).Bind(un) : [];

        if (agents is not null && processes is not null && jurisdiction is not null && demand is not null)
        {
            var checks = new ReferenceChecks(_r, references);
            checks.CheckReferences(agents, processes, jurisdiction, demand);
            checks.CheckExtensionReferences(processes, jurisdiction, handoff, shocks, groups, variants);
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
            Costs = costs?.Definition,
            Uncertain = uncertain,
        };
        bound?.Invoke(definition);

        // The file's own check and its variants' are made side by side; a variant's problems count
        // only where the file passed (as if they were checked after it).
        var variantsChecked = variantBinder.CheckVariantsApply(definition, variantsToCheck, alongside: () => ScenarioChecks.Check(definition));
        foreach (var (at, message) in variantsChecked.Alongside)
        {
            _r.Error(at, message);
        }

        if (!_r.HasErrors && ScenarioLimits.ProjectsProblem(ScenarioLimits.ExpectedProjects(definition)) is { } projects)
        {
            _r.Error(YamlReader.Get(root, "demand") ?? root, projects);
        }

        if (!_r.HasErrors)
        {
            variantsChecked.Report();
        }

        return _r.HasErrors ? null : definition;
    }

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

    private void CheckHorizon(YamlNode node, CalendarDays horizon, DateOnly start)
    {
        if (ScenarioLimits.HorizonProblem(((YamlScalarNode)node).Value!, start, horizon.Value) is { } problem)
        {
            _r.Error(node, problem);
        }
    }

}
