using IsdnSim.Grains.Serialization;
using IsdnSim.Grains.Windows;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Messages;
using IsdnSim.Kernel.Model;
using IsdnSim.Kernel.Tracing;
using IsdnSim.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace IsdnSim.Tests.Orleans;

/// <summary>
/// What crosses a silo boundary survives it. A replication's agents share a silo, so a run
/// between silos never sends these between them; the surrogates must still be right for
/// the client and for any future placement.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SerializationTests(OneSiloCluster cluster)
{
    private T RoundTrip<T>(T value)
    {
        var serializer = cluster.Cluster.Client.ServiceProvider.GetRequiredService<Serializer>();
        return serializer.Deserialize<T>(serializer.SerializeToArray(value))!;
    }

    /// <summary>A token with every property away from its default, so a property a surrogate forgets shows.</summary>
    private static readonly ProjectToken Token = new ProjectToken(new ProjectId(3, 2, -1), 12.5)
    {
        Path = new PathSummary(1.25, 2.5, 3.75, 4.125, 5.0625, 6.5),
        Segment = 2,
        Territory = 7,
        Dominant = new DominantStep(4, 5, 1, 9.75),
        Handoffs = 6,
        Reworks = 2,
        InRework = true,
        Round = 1,
    };

    [Fact]
    public void TheSampleToken_SetsEveryProperty()
    {
        foreach (var property in typeof(ProjectToken).GetProperties())
        {
            var value = property.GetValue(Token);
            var fresh = property.GetValue(new ProjectToken(default, 0));
            value.Should().NotBe(fresh, $"the sample must exercise {property.Name}");
        }
    }

    [Fact]
    public void ARunSpec_WithADesignPointsValues_SurvivesSerialization()
    {
        // A sensitivity design's point travels as the scenario's text and the values to set in it.
        var spec = new Analysis.Engine.RunSpec("name: x\n", "x.yaml",
            new Analysis.Engine.ScenarioOverrides(7, 3, 100.5, "democratisation", 10.25) { Set = [("a.b", "9.5wd"), ("c.0.rate", "0.25/day")] },
            new AgentOptions(RecordSteps: true), 1234) { WindowThreads = 3 };

        var back = RoundTrip(spec);

        (back.ScenarioText, back.ScenarioFile, back.MaxEventsPerWindow, back.Options.RecordSteps, back.WindowThreads).Should().Be((spec.ScenarioText, spec.ScenarioFile, 1234L, true, 3));
        back.Overrides.Should().BeEquivalentTo(spec.Overrides);
        back.Overrides.Set.Should().Equal(spec.Overrides.Set);
        back.Key.Should().Be(spec.Key, "silos share a compiled model by the key");
        spec.Key.Should().NotBe((spec with { Overrides = spec.Overrides with { Set = [("a.b", "9.6wd"), ("c.0.rate", "0.25/day")] } }).Key,
            "two design points are two models");
        RoundTrip(spec with { Overrides = spec.Overrides with { Set = [] } }).Overrides.Set.Should().BeEmpty();
    }

    [Fact]
    public void AGroupsAnswer_WithItsAgentsMessagesAndTraces_SurvivesSerialization()
    {
        // Between them, the bodies use every field a message body has.
        var message = new Message(14.25, 3, 99, 8, 12.0, new SupportRequest(4, 123456789012, 0.25), Token);
        Message[] outbox = [message, message with { Body = new ConsultReply(5, 2, 987654321098), Sequence = 100 }, message with { Body = new ReworkDone(6), Sequence = 101 }];
        var traced = new TraceEvent(9.5, 3, 7, TraceKind.Send, new ProjectId(3, 2, -1), 1, 4, -1, 8, 2, 5, 1, 14.25);
        var answer = new GroupAnswer();

        // Reused: what an earlier window left must not travel.
        answer.Add(1.5, 3, [message, message], [traced]);
        answer.Clear();
        answer.Add(17.5, 42, outbox, []);
        answer.Add(double.PositiveInfinity, 0, [], [traced]);

        var back = RoundTrip(answer);

        back.Count.Should().Be(2);
        back.Next.ToArray().Should().Equal(17.5, double.PositiveInfinity);
        back.Events.ToArray().Should().Equal(42L, 0L);
        back.Outboxes[0].ToArray().Should().Equal(outbox);
        back.Outboxes[1].ToArray().Should().BeEmpty();
        back.Traces[0].ToArray().Should().BeEmpty();
        back.Traces[1].ToArray().Should().Equal(traced);
    }

    [Fact]
    public void AGroupsWindow_WithItsAgentsInboxes_SurvivesSerialization()
    {
        var message = new Message(14.25, 3, 99, 8, 12.0, new SupportRequest(4, 123456789012, 0.25), Token);
        var window = new GroupWindow();
        window.Start(5);
        window.Add(1, 2.0, [message, message]);
        window.Start(1000);
        window.Add(3, 20.5, [message]);
        window.Add(11, double.PositiveInfinity, []);

        var back = RoundTrip(window);

        (back.Count, back.MaxEvents).Should().Be((2, 1000L));
        back.Agents.ToArray().Should().Equal(3, 11);
        back.Until.ToArray().Should().Equal(20.5, double.PositiveInfinity);
        back.Inboxes[0].ToArray().Should().Equal(message);
        back.Inboxes[1].ToArray().Should().BeEmpty();
    }

    [Fact]
    public void AMessageOfAnUnknownKind_IsRefusedOnArrival()
    {
        var wire = new MessageSurrogate(14.25, 3, 99, 8, 12.0, (MessageKind)99, 4, 0, 0, 0, Token);

        ((Action)(() => new MessageConverter().ConvertFromSurrogate(wire))).Should().Throw<InvalidOperationException>().WithMessage("*unknown kind 99*");
    }
}
