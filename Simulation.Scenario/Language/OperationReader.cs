using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Variants;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Reads one operation's entry for the operation's own <c>Bind</c>: each value reported where it
/// is written, agents and roles kept for <see cref="ReferenceChecks"/> (an operation may name an
/// agent an earlier one of its variant creates, so those are checked against more than the file's).
/// </summary>
internal sealed class OperationReader(YamlReader reader, ValueBinder values, ScenarioReferences references, YamlMappingNode map, string what)
    : IOperationReader
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;
    private readonly YamlMappingNode _map = map;

    public string What { get; } = what;

    public SourcePosition Position => YamlReader.At(_map);

    public bool Has(string key) => YamlReader.Get(_map, key) is not null;

    public bool Require(string key, string hint = "") => _r.Require(_map, key, What, hint) is not null;

    public void Error(string message) => _r.Error(_map, message);

    public string? Text(string key, string what) => YamlReader.Get(_map, key) is { } node ? _r.Scalar(node, what) : null;

    public string? Id(string key, string what) => YamlReader.Get(_map, key) is { } node ? _r.Id(node, what) : null;

    public double? Number(string key, string what, double min, double max, bool minExclusive = false) =>
        YamlReader.Get(_map, key) is { } node ? _r.Number(node, what, min, max, minExclusive: minExclusive) : null;

    public int? Integer(string key, string what, int min, int max) =>
        YamlReader.Get(_map, key) is { } node ? (int?)_r.Integer(node, what, min, max) : null;

    public CalendarDays? Duration(string key, string what) =>
        YamlReader.Get(_map, key) is { } node ? _values.CalendarDuration(node, what, null) : null;

    public AgentKind? Kind(string key)
    {
        if (YamlReader.Get(_map, key) is not { } node || _r.Scalar(node, $"the kind in {What}") is not { } text)
        {
            return null;
        }

        if (AgentKinds.TryParse(text, out var kind))
        {
            return kind;
        }

        _r.Error(node, $"unknown agent kind '{text}'{DidYouMean.Hint(text, AgentKinds.All)} (expected one of: {AgentKinds.Table.Expected})");
        return null;
    }

    public string? Role(string key)
    {
        if (YamlReader.Get(_map, key) is not { } node || _r.Id(node, $"the role of {What}") is not { } role)
        {
            return null;
        }

        _refs.VariantRoles.Add((role, node));
        return role;
    }

    public string? Agent(string key)
    {
        if (YamlReader.Get(_map, key) is not { } node || _r.Id(node, $"an agent in {What}") is not { } id)
        {
            return null;
        }

        _refs.VariantAgents.Add((id, node, What));
        return id;
    }

    public IReadOnlyList<string>? Agents(string key)
    {
        if (YamlReader.Get(_map, key) is not { } node || _r.ScalarList(node, $"'{key}' of {What}") is not { } list)
        {
            return null;
        }

        foreach (var (id, itemNode) in list)
        {
            _refs.VariantAgents.Add((id, itemNode, What));
        }

        return [.. list.Select(l => l.Value)];
    }

    public string? NewAgentId(string key)
    {
        var id = Id(key, $"'{key}' of {What}");
        if (id is not null)
        {
            _refs.VariantCreatedIds.Add(id);
        }

        return id;
    }

    public (string A, string B)? Pair(string key)
    {
        if (YamlReader.Get(_map, key) is not { } node || _r.ScalarList(node, $"'{key}' of {What}") is not { } between)
        {
            return null;
        }

        if (between.Count != 2)
        {
            _r.Error(_map, $"'{key}' of {What} must name two levels or agents, found {between.Count}");
            return null;
        }

        foreach (var (endpoint, endpointNode) in between.Where(b => !Levels.TryParseHandoffWord(b.Value, out _)))
        {
            _refs.VariantAgents.Add((endpoint, endpointNode, What));
        }

        return (between[0].Value, between[1].Value);
    }

    public WorkingGroupDefinition? WorkingGroup() => new WorkingGroupBinder(_r, _values, _refs).BindGroupBody(_map, What, inVariant: true);

    public string? Process(string key)
    {
        if (YamlReader.Get(_map, key) is not { } node || _r.Id(node, $"the process of {What}") is not { } process)
        {
            return null;
        }

        _refs.VariantSteps.Add((process, node, null, null, What));
        return process;
    }

    public string? Step(string key, string processKey)
    {
        if (YamlReader.Get(_map, key) is not { } node || _r.Id(node, $"the step of {What}") is not { } step)
        {
            return null;
        }

        if (YamlReader.Get(_map, processKey) is not { } processNode || processNode is not YamlScalarNode { Value: { } process })
        {
            _r.Error(node, $"the step of {What} needs '{processKey}': step ids are unique only within a process");
            return null;
        }

        _refs.VariantSteps.Add((process, processNode, step, node, What));
        return step;
    }

    public YearlyCostDefinition? CostItem()
    {
        if (_refs.PayGroups is null)
        {
            _r.Error(_map, $"{What} adds a cost, but the scenario has no 'costs' section (pay groups, overhead, workplace) to cost it with");
            return null;
        }

        return new CostBinder(_r, _values, _refs).Item(_map, What, withAgent: false);
    }
}
