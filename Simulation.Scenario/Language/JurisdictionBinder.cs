using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Jurisdiction: who holds each role, as a reserved holder word or an agent, with overrides per municipality.</summary>
internal sealed class JurisdictionBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    public List<JurisdictionRule>? BindJurisdiction(YamlNode node)
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
                            _refs.Overrides.Add((role, m, a, mNode, aNode));
                        }
                    }
                }
            }

            if (_r.Id(holderNode, $"the holder of role '{role}' ({HolderWords.Table.Expected} or an agent id)") is not { } holderText)
            {
                continue;
            }

            if (holderText != HolderWords.Name(HolderKind.Nearest) && nearestKind is not null && valueNode is YamlMappingNode entryMap)
            {
                _r.Error(entryMap, $"'kind' goes with 'holder: nearest' in the jurisdiction of role '{role}'");
                continue;
            }

            var holder = HolderWords.Table.TryParse(holderText, out var word)
                ? new JurisdictionHolder(word) { NearestKind = nearestKind }
                : JurisdictionHolder.Named(holderText);
            _refs.Holders[role] = holderNode;
            rules.Add(new JurisdictionRule(role, holder, overrides, YamlReader.At(keyNode)));
        }

        return rules;
    }
}
