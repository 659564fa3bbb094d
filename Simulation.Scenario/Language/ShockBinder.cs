using IsdnSim.Kernel.Definitions;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Shocks: laws that make municipalities start projects by a deadline.</summary>
internal sealed class ShockBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    public List<ShockDefinition> BindShocks(YamlNode node)
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

                    // A group may start a process of its own (the simplified procedure of small municipalities).
                    var groupProcessNode = YamlReader.Get(gm, "process");
                    var groupProcess = groupProcessNode is null ? null : _r.Id(groupProcessNode, $"the process of a group of {what}");
                    if (groupProcess is not null)
                    {
                        _refs.GroupProcesses.Add((id ?? "?", groupProcess, groupProcessNode!));
                    }

                    if (gname is not null && deadline is { } dl)
                    {
                        groups.Add(new ShockGroup(gname, min, max, dl, groupProcess));
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
            _refs.ShockProcesses.Add((shock, processNode!));
        }

        return shocks;
    }
}
