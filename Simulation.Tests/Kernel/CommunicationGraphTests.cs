using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The compiled model's communication graph (who may send work to whom, and how long it takes)
/// is built for speed at Germany's size; here it is held against the plain construction it
/// replaced: every link of every step of every process a municipality can start, segment by
/// segment, collected in a sorted set, and each link's latency from the most specific hand-off rule.
/// </summary>
public sealed class CommunicationGraphTests
{
    public static TheoryData<string> Scenarios => ["rural-district.yaml", "city.yaml", "brandenburg.yaml"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Predecessors_AreTheLinksOfThePlainConstruction_WithTheirHandOffLatencies(string file)
    {
        var scenario = Runs.Load(file).Definition;
        foreach (var definition in scenario.Variants.Select(v => VariantApplier.Apply(scenario, v.Id)).Prepend(scenario))
        {
            var model = SimulationModel.Compile(definition);
            var links = PlainLinks(model);
            links.Should().NotBeEmpty();
            for (var agent = 0; agent < model.Agents.Count; agent++)
            {
                var expected = links.Where(l => l.To == agent).Select(l => l.From).ToArray();
                model.Predecessors(agent).ToArray().Should().Equal(expected, $"the senders to {model.Agents[agent].Id} in {definition.AppliedVariant ?? "the file"}");
                var latencies = expected.Select(from => PlainLatency(definition, model, from, agent)).ToArray();
                model.PredecessorLatencies(agent).ToArray().Should().Equal(latencies);
                expected.Select(from => model.HandoffLatency(from, agent)).Should().Equal(latencies);
                model.MinInLatency(agent).Should().Be(latencies.Length == 0 ? double.PositiveInfinity : latencies.Min());
            }
        }
    }

    private static SortedSet<(int To, int From)> PlainLinks(SimulationModel model)
    {
        var needed = model.Sources.SelectMany(s => s).Select(s => (s.Owner, s.Process))
            .Concat(model.Mandates.SelectMany(m => m).Select(m => (m.Owner, m.Process)))
            .ToHashSet();
        var links = new SortedSet<(int To, int From)>();
        foreach (var (owner, p) in needed)
        {
            var process = model.Processes[p];
            int[] Instances(StepModel step) => step.PerSegment ? model.SegmentCandidates(owner) : [owner];
            int H(int municipality, int role) => model.HolderOf(municipality, role).Agent;
            foreach (var s in process.StartSteps)
            {
                foreach (var m in Instances(process.Steps[s]))
                {
                    Add(model.Agents[owner].Host, H(m, process.Steps[s].Role));
                }
            }

            foreach (var step in process.Steps)
            {
                foreach (var m in Instances(step))
                {
                    var holder = H(m, step.Role);
                    foreach (var succ in step.Successors.Select(x => process.Steps[x]))
                    {
                        foreach (var n in Instances(succ).Where(n => !(step.PerSegment && succ.PerSegment) || n == m))
                        {
                            Add(holder, H(n, succ.Role));
                        }
                    }

                    foreach (var other in step.Consult.Append(step.SupportRole).Where(r => r >= 0)
                        .Concat(step.Rework is { } rework ? [process.Steps[rework.ReturnsTo].Role] : []))
                    {
                        Add(holder, H(m, other));
                        Add(H(m, other), holder);
                    }
                }
            }
        }

        return links;

        void Add(int from, int to)
        {
            if (from != to && from >= 0 && to >= 0)
            {
                links.Add((to, from));
            }
        }
    }

    /// <summary>The most specific rule naming both ends (an agent 2, its level 1), the later on a tie, else the default.</summary>
    [Theory]
    [InlineData("rural-district.yaml")]
    [InlineData("city.yaml")]
    public void HandOffLatency_OfEveryPairOfAgents_IsTheMostSpecificRulesOrTheDefault(string file)
    {
        // Not only the graph's links: a pair no step links (a liaison, a working group) is asked too.
        var scenario = Runs.Load(file).Definition;
        foreach (var definition in scenario.Variants.Select(v => VariantApplier.Apply(scenario, v.Id)).Prepend(scenario))
        {
            var model = SimulationModel.Compile(definition);
            definition.Handoff.Rules.Should().NotBeEmpty(definition.AppliedVariant ?? "the file");
            for (var from = 0; from < model.Agents.Count; from++)
            {
                for (var to = 0; to < model.Agents.Count; to++)
                {
                    model.HandoffLatency(from, to).Should().Be(from == to ? 0 : PlainLatency(definition, model, from, to));
                }
            }
        }
    }

    private static double PlainLatency(ScenarioDefinition definition, SimulationModel model, int from, int to)
    {
        var (a, b) = (model.Agents[from], model.Agents[to]);
        var (best, bestScore) = (definition.Handoff.Default.Value, 0);
        foreach (var rule in definition.Handoff.Rules)
        {
            var forward = Score(a, rule.A) * Score(b, rule.B) > 0 ? Score(a, rule.A) + Score(b, rule.B) : 0;
            var backward = Score(a, rule.B) * Score(b, rule.A) > 0 ? Score(a, rule.B) + Score(b, rule.A) : 0;
            var score = Math.Max(forward, backward);
            if (score > 0 && score >= bestScore)
            {
                (best, bestScore) = (rule.Latency.Value, score);
            }
        }

        return best;

        static int Score(AgentModel agent, string end) =>
            end == agent.Id ? 2 : Levels.TryParseHandoffWord(end, out var level) && Levels.Includes(level, agent.Kind) ? 1 : 0;
    }
}
