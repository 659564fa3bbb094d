using IsdnSim.Kernel.Agents;

namespace IsdnSim.Tests.Kernel;

/// <summary>The work queues give items back in the order of a plain first-in, first-out queue (per priority level), across growth and wrap-around.</summary>
public sealed class WorkQueueTests
{
    [Fact]
    public void WorkQueue_TakesItemsInTheOrderOfAPlainQueue()
    {
        var queue = new WorkQueue<WorkItem>();
        var reference = new Queue<int>();
        var random = new System.Random(13);
        var serial = 0;
        for (var op = 0; op < 20_000; op++)
        {
            // Runs of enqueues and takes, so the ring fills, grows and wraps at many positions.
            if (reference.Count == 0 || random.Next(100) < (op / 2_000 % 2 == 0 ? 60 : 40))
            {
                queue.Enqueue(new WorkItem { Serial = serial, Ready = serial });
                reference.Enqueue(serial++);
            }
            else
            {
                queue.Peek().Serial.Should().Be(reference.Peek());
                var taken = queue.Take();
                (taken.Serial, taken.Ready).Should().Be((reference.Peek(), reference.Dequeue()));
            }

            queue.Count.Should().Be(reference.Count);
        }
    }

    [Fact]
    public void PriorityWorkQueue_TakesTheLowestLevelFirst_AndFirstInFirstOutWithinIt()
    {
        var queue = new PriorityWorkQueue(3);
        var reference = Enumerable.Range(0, 3).Select(_ => new Queue<int>()).ToArray();
        var random = new System.Random(7);
        var serial = 0;
        for (var op = 0; op < 5_000; op++)
        {
            if (queue.Count == 0 || random.Next(100) < 55)
            {
                var level = random.Next(3);
                queue.Enqueue(serial, level);
                reference[level].Enqueue(serial++);
            }
            else
            {
                var expected = reference.First(q => q.Count > 0).Dequeue();
                queue.Take().Should().Be(expected);
            }

            queue.Count.Should().Be(reference.Sum(q => q.Count));
        }
    }

    [Fact]
    public void OneLevelQueue_IsFirstInFirstOut()
    {
        var queue = new PriorityWorkQueue(1);
        for (var i = 0; i < 20; i++)
        {
            queue.Enqueue(i, 0);
        }

        Enumerable.Range(0, 20).Select(_ => queue.Take()).Should().Equal(Enumerable.Range(0, 20));
        ((Action)(() => queue.Take())).Should().Throw<InvalidOperationException>();
    }
}
