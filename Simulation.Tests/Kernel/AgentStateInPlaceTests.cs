using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Mechanisms;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// An agent's state held in place: a staffed agency's item pool, queue and integrals are structs
/// in its fields, changed where they lie (a copy would lose the change), and every replication's
/// agents read their agencies from one array made with the model.
/// </summary>
public sealed class AgentStateInPlaceTests
{
    private const string Yaml = """
        name: desk
        start: 2025-01-01
        horizon: 1y
        agents:
          - id: town
            kind: municipality
            agencies:
              - { id: desk, staff: 2, roles: [plan] }
              - { id: counter, staff: 1, roles: [check], queue: priority }
        processes:
          - id: p
            steps: [{ id: s, role: plan, effort: 1wd }, { id: c, role: check, effort: 1wd, after: [s] }]
        jurisdiction: { plan: self, check: self }
        demand: [{ process: p, rate: 1/year }]
        """;

    [Fact]
    public void Agencies_AreTheModelsArray_SharedByEveryReplication()
    {
        var model = Runs.Spec(Runs.Parse(Yaml)).Compile();

        var first = new AgentContext(model, 0, 0, AgentOptions.Default);
        var second = new AgentContext(model, 0, 1, AgentOptions.Default);

        first.Agencies.Should().BeSameAs(second.Agencies);
        first.Agencies.Should().Equal(model.Agents[0].Agencies);
    }

    [Fact]
    public void StaffedAgency_CountsItemsQueuedAndHeld_AndIntegratesTheQueue_InPlace()
    {
        var model = Runs.Spec(Runs.Parse(Yaml)).Compile();
        var agency = new StaffedAgency(model.Agents[0].Agencies[0], model.Calendar, model.YearStarts, model.Start, warmup: 0);

        agency.Observe(0);
        var index = agency.Items.Add(new WorkItem { Serial = 7 });
        agency.Queue.Enqueue(index, 0);
        agency.Held.Enqueue(new WorkItem { Serial = 8 });
        (agency.Items.Count, agency.Queue.Count, agency.Waiting).Should().Be((1, 1, 2));

        // Two files waiting for ten calendar days: a queue area of 20.
        agency.Observe(10);
        agency.Queue.Take().Should().Be(index);
        agency.Items[index].Serial.Should().Be(7);
        agency.Held.Dequeue().Serial.Should().Be(8);
        agency.Waiting.Should().Be(0);

        var statistics = agency.Close(0, 20);
        (statistics.WaitingCaused, statistics.MeanQueueLength).Should().Be((20.0, 1.0));
    }

    [Fact]
    public void StaffedAgency_WithPriorities_TakesTheLowestLevelFirst()
    {
        var model = Runs.Spec(Runs.Parse(Yaml)).Compile();
        var agency = new StaffedAgency(model.Agents[0].Agencies[1], model.Calendar, model.YearStarts, model.Start, warmup: 0);

        agency.Queue.Enqueue(1, 9);
        agency.Queue.Enqueue(2, 0);
        agency.Queue.Enqueue(3, 4);
        agency.Queue.Enqueue(4, 0);

        Enumerable.Range(0, 4).Select(_ => agency.Queue.Take()).Should().Equal(2, 4, 3, 1);
        agency.Waiting.Should().Be(0);
    }
}
