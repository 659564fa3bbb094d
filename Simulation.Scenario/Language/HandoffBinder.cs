using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Hand-offs: the default latency, the rules between levels or agents, and the latency between offices of one agent.</summary>
internal sealed class HandoffBinder(YamlReader reader, ValueBinder values, ScenarioReferences references)
{
    private readonly YamlReader _r = reader;
    private readonly ValueBinder _values = values;
    private readonly ScenarioReferences _refs = references;

    public HandoffDefinition? BindHandoff(YamlNode node, CalendarDays? lookahead)
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

        // Within one agent no message crosses a window, so the lookahead does not bound it.
        var offices = YamlReader.Get(map, "between_offices") is { } on ? HandoffLatency(on, "the handoff between offices", null, zeroAllowed: true) : null;
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
                _refs.HandoffEndpoints.Add((rule, between[0].Node, between[1].Node));
            }
        }

        return fallback is { } f ? new HandoffDefinition(f, rules, offices ?? CalendarDays.Zero) : null;
    }

    private CalendarDays? HandoffLatency(YamlNode node, string what, CalendarDays? lookahead, bool zeroAllowed = false)
    {
        var latency = _values.CalendarDuration(node, what, null, zeroAllowed);
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
}
