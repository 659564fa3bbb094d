using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Model;

namespace IsdnSim.Tests.Kernel;

/// <summary>The coordinator's mailboxes give each agent its messages in the order added, as a list per agent did, across growth and reuse of slots.</summary>
public sealed class MailboxesTests
{
    [Fact]
    public void Mailboxes_GiveEachAgentItsMessagesInOrder_AsAListPerAgent()
    {
        const int agents = 7;
        var boxes = new Mailboxes(agents, initialSlots: 2);
        var reference = Enumerable.Range(0, agents).Select(_ => new List<Message>()).ToArray();
        var random = new System.Random(31);
        var sequence = 0L;
        for (var op = 0; op < 20_000; op++)
        {
            // Runs where adds win and runs where takes win, so the pool grows, empties and reuses
            // slots in many orders.
            if (random.Next(100) < (op / 1_000 % 2 == 0 ? 70 : 30))
            {
                var to = random.Next(agents);
                var m = new Message(random.Next(1000) / 8.0, random.Next(agents), sequence++, to, op, default, new ProjectToken(new ProjectId(to, 0, (int)sequence), op));
                boxes.Add(m);
                reference[to].Add(m);
            }
            else
            {
                var agent = random.Next(agents);
                var taken = new List<Message> { default };
                boxes.Any(agent).Should().Be(reference[agent].Count > 0);
                boxes.MoveTo(agent, taken);
                taken.Skip(1).Should().Equal(reference[agent], $"operation {op}, agent {agent}");
                taken[0].Should().Be(default(Message), "what was in the list stays");
                boxes.Any(agent).Should().BeFalse();
                reference[agent].Clear();
            }
        }

        for (var agent = 0; agent < agents; agent++)
        {
            var taken = new List<Message>();
            boxes.MoveTo(agent, taken);
            taken.Should().Equal(reference[agent]);
        }
    }
}
