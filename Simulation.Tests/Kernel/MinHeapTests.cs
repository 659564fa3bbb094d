using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Agents.Events;

namespace IsdnSim.Tests.Kernel;

/// <summary>The heap (a struct held in its owner's field) pops in (time, sequence) order, as a sorted list does, across growth and interleaved pushes and pops.</summary>
public sealed class MinHeapTests
{
    private MinHeap<ScheduledEvent, EventOrder> _heap;

    [Fact]
    public void Heap_PopsInOrder_AsASortedList()
    {
        var reference = new List<(double Time, long Sequence)>();
        var random = new System.Random(37);
        _heap.PeekTime.Should().Be(double.PositiveInfinity);
        for (var op = 0; op < 20_000; op++)
        {
            // Runs where pushes win and runs where pops win; few distinct times, so that ties are common.
            if (reference.Count == 0 || random.Next(100) < (op / 1_000 % 2 == 0 ? 65 : 35))
            {
                var e = new ScheduledEvent(random.Next(50) / 4.0, op, default);
                _heap.Push(e);
                reference.Add((e.Time, e.Sequence));
            }
            else
            {
                var least = reference.Min();
                _heap.PeekTime.Should().Be(least.Time);
                var popped = _heap.Pop();
                (popped.Time, popped.Sequence).Should().Be(least, $"operation {op}");
                reference.Remove(least);
            }

            _heap.Count.Should().Be(reference.Count);
        }
    }
}
