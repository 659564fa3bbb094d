using IsdnSim.Kernel.Agents;

namespace IsdnSim.Tests.Kernel;

/// <summary>A staffed agency's pool of work items keeps each item as added until it is freed, across growth and reuse of places.</summary>
public sealed class WorkItemPoolTests
{
    [Fact]
    public void Pool_GivesBackEachItemAsAdded_UntilFreed_WhileOthersComeAndGo()
    {
        var pool = new WorkItemPool();
        var held = new Dictionary<int, int>(); // index -> serial, the reference
        var random = new System.Random(29);
        var serial = 0;
        for (var op = 0; op < 20_000; op++)
        {
            // Runs of adds and frees, so the pool grows, empties and reuses places in many orders.
            if (held.Count == 0 || random.Next(100) < (op / 2_000 % 2 == 0 ? 60 : 40))
            {
                var index = pool.Add(new WorkItem { Serial = serial, Ready = serial, Fiction = serial });
                held.Should().NotContainKey(index);
                held[index] = serial++;
            }
            else
            {
                var index = held.Keys.ElementAt(random.Next(held.Count));
                pool[index].Serial.Should().Be(held[index]);
                pool.Free(index);
                held.Remove(index);
            }

            pool.Count.Should().Be(held.Count);
        }

        foreach (var (index, s) in held)
        {
            (pool[index].Serial, pool[index].Ready, pool[index].Fiction).Should().Be((s, s, s));
        }
    }

    [Fact]
    public void Pool_ReusesTheLastFreedPlace_AndWritesThroughTheIndexer()
    {
        var pool = new WorkItemPool();
        var a = pool.Add(new WorkItem { Serial = 1 });
        var b = pool.Add(new WorkItem { Serial = 2 });
        pool[b].Effort = 3.5;
        pool.Free(a);
        pool.Add(new WorkItem { Serial = 4 }).Should().Be(a);
        (pool[a].Serial, pool[b].Serial, pool[b].Effort).Should().Be((4, 2, 3.5));

        // A place freed with an item in it comes back cleared from AddCleared.
        pool.Free(b);
        ref var cleared = ref pool.AddCleared(out var c);
        c.Should().Be(b);
        cleared.Should().Be(default(WorkItem));
        cleared.Step = 9;
        (pool[c].Step, pool.Count).Should().Be((9, 2));
    }

    [Fact]
    public void Pool_GivesBackFreedPlaces_LastFreedFirst_ThroughTheFreedItems()
    {
        // The freed places are chained through the freed items: several frees come back in reverse,
        // each cleared or overwritten whole, and a place never freed is not handed out twice.
        var pool = new WorkItemPool();
        var places = Enumerable.Range(0, 6).Select(i => pool.Add(new WorkItem { Serial = 100 + i })).ToArray();
        pool.Free(places[1]);
        pool.Free(places[4]);
        pool.Free(places[2]);
        pool.Count.Should().Be(3);

        pool.Add(new WorkItem { Serial = 7 }).Should().Be(places[2]);
        pool.AddCleared(out var cleared).Should().Be(default(WorkItem));
        cleared.Should().Be(places[4]);
        pool.Add(new WorkItem { Serial = 8 }).Should().Be(places[1]);
        pool.Add(new WorkItem { Serial = 9 }).Should().Be(6, "with no place freed, the next new one");
        (pool[places[0]].Serial, pool[places[2]].Serial, pool[places[1]].Serial, pool[places[5]].Serial).Should().Be((100, 7, 8, 105));
        pool.Count.Should().Be(7);
    }
}
