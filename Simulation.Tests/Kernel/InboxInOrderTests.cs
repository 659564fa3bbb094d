using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Runtime;
using IsdnSim.Kernel.Model;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// A call takes its inbox's messages in order straight from the inbox, merged with the messages
/// kept from earlier calls, and keeps only what it leaves (<see cref="AgentOptions.InboxInOrder"/>):
/// the agent takes the same messages at the same moments as when every message passes its heap.
/// </summary>
public sealed class InboxInOrderTests
{
    [Fact]
    public void SortInbox_PutsTheInboxIn_DeliverySenderSequenceOrder()
    {
        var random = new System.Random(41);
        for (var round = 0; round < 2_000; round++)
        {
            // Few deliveries and senders, so that ties on the delivery, and on the sender, are common.
            var n = random.Next(AgentOptions.MostInboxInOrder + 1);
            var sequence = new long[4];
            var inbox = Enumerable.Range(0, n).Select(_ =>
            {
                var from = random.Next(4);
                return new Message(random.Next(3) * 0.5, from, sequence[from] += 1 + random.Next(3), 9, 0, default, default);
            }).OrderBy(_ => random.Next()).ToArray();

            var order = new int[n];
            AgentRuntime.SortInbox(inbox, order);

            order.Select(i => inbox[i]).Should().Equal(
                inbox.OrderBy(m => m.Delivery).ThenBy(m => m.From).ThenBy(m => m.Sequence),
                "round {0}", round);
        }
    }

    public static TheoryData<string, long, int> Cases => new()
    {
        // Whole windows, and one event a call, where calls stop with messages of the inbox left over.
        { "ring", 1_000_000, 0 }, { "ring", 1, 0 }, { "ring", 1, 1 },
        { "rural-district.yaml", 1_000_000, 0 }, { "rural-district.yaml", 1, 0 }, { "rural-district.yaml", 3, 2 },
        { "city.yaml", 1_000_000, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Results_AreTheSame_AsWithFewerOrNoInboxesTakenInOrder(string scenario, long maxEventsPerWindow, int inboxInOrder)
    {
        var loaded = scenario == "ring" ? Runs.Parse(WindowTests.Ring) : Runs.Load(scenario);
        var spec = Runs.Spec(loaded, recordSteps: true, maxEventsPerWindow: maxEventsPerWindow);
        var inOrder = Runs.RunOne(spec);
        // With 0 every message passes the heap, as before inboxes were taken in order; with 1 or 2
        // only inboxes that small are taken in order, so the two ways meet within one call.
        var limited = Runs.RunOne(spec with { Options = spec.Options with { InboxInOrder = inboxInOrder } });

        inOrder.Tallies.Handoffs.Sum().Should().BeGreaterThan(0, "the run must send messages");
        (inOrder.Events, inOrder.Windows).Should().Be((limited.Events, limited.Windows));
        inOrder.Projects.Should().Equal(limited.Projects);
        inOrder.Steps.Should().Equal(limited.Steps);
        inOrder.Agencies.Should().BeEquivalentTo(limited.Agencies, o => o.WithStrictOrdering());
        inOrder.Tallies.Should().BeEquivalentTo(limited.Tallies);
    }
}
