using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Demand: where and how often projects arrive.</summary>
internal sealed class DemandBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    public List<DemandDefinition>? BindDemand(YamlNode node)
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
            _refs.Demand.Add((definition, processNode!, atNodes));
        }

        return demand;
    }
}
