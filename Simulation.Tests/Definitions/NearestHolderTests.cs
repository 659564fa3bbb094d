using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Definitions;

/// <summary>
/// The resolver finds a "nearest" holder by agent index, searching only subtrees that hold the
/// role: for every municipality and "nearest" role of the shipped regions it must find the holder
/// a plain breadth-first search by name, through every subtree, finds.
/// </summary>
public sealed class NearestHolderTests
{
    [Theory]
    [InlineData("rural-district.yaml")]
    [InlineData("city.yaml")]
    [InlineData("brandenburg.yaml")]
    [InlineData("germany.yaml")]
    public void TheNearestHolder_IsWhatAPlainSearchFinds(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Repository.Scenario(file)).Definition;
        var resolver = new JurisdictionResolver(scenario.Agents, scenario.Jurisdiction);
        var nearest = scenario.Jurisdiction.Where(j => j.Holder.Kind == HolderKind.Nearest).ToList();
        var plain = new PlainSearch(scenario.Agents);
        var compared = 0;

        foreach (var rule in nearest)
        {
            foreach (var m in scenario.Agents.Where(a => AgentKinds.IsMunicipal(a.Kind) && !rule.Overrides.ContainsKey(a.Id)))
            {
                var expected = plain.Ancestors(m.Id).Select(a => plain.Below(a.Id, rule.Role, rule.Holder.NearestKind)).FirstOrDefault(h => h is not null);
                var found = resolver.Resolve(m.Id, rule.Role);

                (found.Agent?.Id ?? found.HolderId).Should().Be(expected?.Id, $"{rule.Role} for {m.Id}");
                compared++;
            }
        }

        if (nearest.Count > 0)
        {
            compared.Should().BePositive();
        }
    }

    /// <summary>The search as the rule says it: breadth first below an agent, children in file order, the first of the kind holding the role.</summary>
    private sealed class PlainSearch(IReadOnlyList<AgentDefinition> agents)
    {
        private readonly Dictionary<string, AgentDefinition> _byId = agents.ToDictionary(a => a.Id);
        private readonly ILookup<string, AgentDefinition> _children = agents.Where(a => a.Parent is not null).ToLookup(a => a.Parent!);
        private readonly Dictionary<(string, string), AgentDefinition?> _below = [];

        public IEnumerable<AgentDefinition> Ancestors(string id)
        {
            var seen = new HashSet<string>();
            for (var a = _byId.GetValueOrDefault(id); a is not null && seen.Add(a.Id); a = a.Parent is { } p ? _byId.GetValueOrDefault(p) : null)
            {
                yield return a;
            }
        }

        public AgentDefinition? Below(string top, string role, AgentKind? kind)
        {
            if (_below.TryGetValue((top, role), out var known))
            {
                return known;
            }

            var level = new List<AgentDefinition> { _byId[top] };
            var seen = new HashSet<string> { top };
            AgentDefinition? found = null;
            while (level.Count > 0 && found is null)
            {
                found = level.FirstOrDefault(a => (kind is null || a.Kind == kind) && a.Agencies.Any(g => g.Roles.Contains(role)));
                level = [.. level.SelectMany(a => _children[a.Id]).Where(c => seen.Add(c.Id))];
            }

            return _below[(top, role)] = found;
        }
    }
}
