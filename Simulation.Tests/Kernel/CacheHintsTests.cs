using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The window calls hint the processor to load the next agents' state (<see cref="CacheHints"/>,
/// <see cref="AgentRuntime.PrefetchState"/>, <see cref="AgentRuntime.PrefetchWork"/>): hints read
/// nothing the program sees and change nothing, on an agent before its first event as after.
/// </summary>
public sealed class CacheHintsTests
{
    [Fact]
    public void Prefetch_OfNothing_OfAnEmptyArray_AndOfAnObject_ChangesNothing()
    {
        int[]? none = null;
        var box = new int[] { 7, 8 };
        var kept = new List<int> { 1, 2 };

        CacheHints.Prefetch((object?)null);
        CacheHints.Prefetch(none);
        CacheHints.Prefetch(Array.Empty<double>());
        CacheHints.Prefetch(box);
        CacheHints.Prefetch(kept);

        box.Should().Equal(7, 8);
        kept.Should().Equal(1, 2);
    }

    [Fact]
    public void AgentsHintedBeforeEveryCall_AnswerEveryCall_AsAgentsNeverHinted()
    {
        var model = Runs.Spec(Runs.Load("rural-district.yaml")).Compile();
        var horizon = model.Horizon.Days;
        var (answers, messages) = (0, 0);
        for (var a = 0; a < model.Agents.Count; a++)
        {
            var hinted = new AgentRuntime(model, a, 0);
            var plain = new AgentRuntime(model, a, 0);

            // Before the first event, the event list and the message heap have no array yet.
            hinted.PrefetchState();
            hinted.PrefetchWork();
            hinted.Initialize().Should().Be(plain.Initialize());

            // Each agent alone, called weekly with no inbox; each has an outbox of its own, so what
            // one sent stays lent while the other is called.
            for (var until = 7.0; until < horizon + 7; until += 7)
            {
                hinted.PrefetchState();
                hinted.PrefetchWork();
                var byHinted = hinted.Advance(Math.Min(until, horizon), [], long.MaxValue, out var nextHinted, out var sentHinted);
                var byPlain = plain.Advance(Math.Min(until, horizon), [], long.MaxValue, out var nextPlain, out var sentPlain);

                byHinted.Should().Be(byPlain);
                nextHinted.Should().Be(nextPlain);
                Sent(sentHinted).Should().Equal(Sent(sentPlain));
                answers += byHinted > 0 ? 1 : 0;
                messages += sentPlain.Length;
            }

            hinted.Close(horizon).Should().BeEquivalentTo(plain.Close(horizon));
        }

        // The district's agents work and send on their own arrivals in many of the weeks.
        answers.Should().BeGreaterThan(100);
        messages.Should().BeGreaterThan(0);
    }

    private static (int To, double Delivery, long Sequence)[] Sent(ReadOnlySpan<Message> outbox)
    {
        var sent = new (int, double, long)[outbox.Length];
        for (var i = 0; i < outbox.Length; i++)
        {
            sent[i] = (outbox[i].To, outbox[i].Delivery, outbox[i].Sequence);
        }

        return sent;
    }
}
