using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Kernel.Model;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The window coordinator takes the bound apart and skips agents that cannot be due, and plans
/// in place; every window must still be the one the plain definition gives: each
/// agent's bound the least over all its predecessors of min(next, T + least latency in) +
/// latency, the agents with something due before it called, in order, with their inboxes.
/// </summary>
public sealed class WindowPlanningTests
{
    public static TheoryData<string, int, long> Cases => new()
    {
        { "rural-district.yaml", 64, 1_000_000 },
        { "rural-district.yaml", 0, 1_000_000 },
        { "rural-district.yaml", 2, 7 },
        { "teaching.yaml", 1, 1_000_000 },
        { "city.yaml", 3, 50 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryWindow_IsTheOneThePlainDefinitionGives(string scenario, int hubSize, long maxEventsPerWindow)
    {
        var spec = Runs.Spec(Runs.Load(scenario), maxEventsPerWindow: maxEventsPerWindow);
        var model = spec.Compile();
        var agents = Enumerable.Range(0, model.Agents.Count).Select(a => new AgentRuntime(model, a, 0, spec.Options)).ToArray();
        var inPlace = new WindowCoordinator(model, maxEventsPerWindow, hubSize);
        var reference = new ReferenceCoordinator(model, maxEventsPerWindow);
        foreach (var agent in agents)
        {
            var next = agent.Initialize();
            inPlace.SetInitial(agent.Index, next);
            reference.SetInitial(agent.Index, next);
        }

        var windows = 0;
        while (true)
        {
            var expected = reference.PlanWindow();
            var more = inPlace.PlanWindow();
            more.Should().Be(expected is not null, $"window {windows}");
            if (!more)
            {
                break;
            }

            inPlace.DueCount.Should().Be(expected!.Count, $"window {windows}");
            for (var i = 0; i < expected.Count; i++)
            {
                var (agent, until) = inPlace.Due(i);
                (agent, until, inPlace.Share).Should().Be((expected[i].Agent, expected[i].Until, expected[i].MaxEvents), $"window {windows}, call {i}");
                inPlace.Inbox(i).ToArray().Should().Equal(expected[i].Inbox);
            }

            for (var i = 0; i < expected.Count; i++)
            {
                var (agent, until) = inPlace.Due(i);
                var events = agents[agent].Advance(until, inPlace.Inbox(i), inPlace.Share, out var next, out var outbox);
                inPlace.Apply(agent, next, events, outbox);
                reference.Apply(agent, next, events, outbox);
            }

            windows++;
        }

        windows.Should().BeGreaterThan(10);
        (inPlace.Events, inPlace.Messages, inPlace.Calls).Should().Be((reference.Events, reference.Messages, reference.Calls));
    }

    [Fact]
    public void Least_IsTheMinimumTakenOneByOne()
    {
        // Four lanes at a time, then the rest one by one: lengths around the lane count, the least
        // value in every place, infinities and zeros of both signs.
        var random = new System.Random(13);
        for (var length = 0; length <= 41; length++)
        {
            for (var place = 0; place < Math.Max(1, length); place++)
            {
                var values = Enumerable.Range(0, length).Select(_ => random.Next(4) == 0 ? double.PositiveInfinity : 1 + (random.NextDouble() * 1000)).ToArray();
                if (length > 0)
                {
                    values[place] = place % 3 == 0 ? 0.5 : place % 3 == 1 ? -0.0 : double.PositiveInfinity;
                }

                var expected = values.Aggregate(double.PositiveInfinity, Math.Min);
                BitConverter.DoubleToInt64Bits(WindowCoordinator.Least(values)).Should().Be(BitConverter.DoubleToInt64Bits(expected), $"length {length}, place {place}");
            }
        }

        BitConverter.DoubleToInt64Bits(WindowCoordinator.Least([0.0, -0.0, 0.0, 0.0, 0.0])).Should().Be(BitConverter.DoubleToInt64Bits(-0.0));
        BitConverter.DoubleToInt64Bits(WindowCoordinator.Least([0.0, 0.0, 0.0, 0.0, -0.0])).Should().Be(BitConverter.DoubleToInt64Bits(-0.0));
    }

    /// <summary>The coordinator as first written: every bound walks every predecessor.</summary>
    /// <summary>One agent called in a window of the reference: its bound, its inbox and its share of the events.</summary>
    private sealed record Call(int Agent, double Until, Message[] Inbox, long MaxEvents);

    private sealed class ReferenceCoordinator
    {
        private readonly SimulationModel _model;
        private readonly long _maxEvents;
        private readonly double[] _next;
        private readonly List<Message>[] _pending;
        private readonly double[] _pendingMin;

        public ReferenceCoordinator(SimulationModel model, long maxEvents)
        {
            _model = model;
            _maxEvents = maxEvents;
            var n = model.Agents.Count;
            _next = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
            _pendingMin = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
            _pending = [.. Enumerable.Range(0, n).Select(_ => new List<Message>())];
        }

        public long Events { get; private set; }

        public long Messages { get; private set; }

        public long Calls { get; private set; }

        public void SetInitial(int agent, double next) => _next[agent] = next;

        public List<Call>? PlanWindow()
        {
            var n = _next.Length;
            var horizon = _model.Horizon.Days;
            var t = Enumerable.Range(0, n).Min(Earliest);
            if (!(t < horizon))
            {
                return null;
            }

            var bounds = Enumerable.Range(0, n).Select(a => double.IsPositiveInfinity(Earliest(a)) ? double.NegativeInfinity : Bound(a, t)).ToArray();
            var due = Enumerable.Range(0, n).Where(a => Earliest(a) < bounds[a]).ToList();
            var share = Math.Max(1, _maxEvents / Math.Max(1, due.Count));
            var calls = new List<Call>();
            foreach (var a in due)
            {
                calls.Add(new Call(a, bounds[a], [.. _pending[a]], share));
                _pending[a].Clear();
                _pendingMin[a] = double.PositiveInfinity;
            }

            Calls += calls.Count;
            return calls;
        }

        public void Apply(int agent, double next, long events, ReadOnlySpan<Message> outbox)
        {
            _next[agent] = next;
            Events += events;
            Messages += outbox.Length;
            foreach (var m in outbox)
            {
                _pending[m.To].Add(m);
                _pendingMin[m.To] = Math.Min(_pendingMin[m.To], m.Delivery);
            }
        }

        private double Earliest(int agent) => Math.Min(_next[agent], _pendingMin[agent]);

        private double Bound(int agent, double t)
        {
            var bound = _model.Horizon.Days;
            var preds = _model.Predecessors(agent);
            var latencies = _model.PredecessorLatencies(agent);
            for (var k = 0; k < preds.Length; k++)
            {
                bound = Math.Min(bound, Math.Min(Earliest(preds[k]), t + _model.MinInLatency(preds[k])) + latencies[k]);
            }

            return bound;
        }
    }
}
