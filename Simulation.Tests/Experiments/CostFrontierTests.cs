using IsdnSim.Analysis.Experiments;

namespace IsdnSim.Tests.Experiments;

/// <summary>The cost-and-lead-time frontier on hand-made points: which variants no other beats on both.</summary>
public sealed class CostFrontierTests
{
    [Fact]
    public void Frontier_KeepsWhatNoOtherBeatsOnBoth()
    {
        // cost per year, mean lead time:
        //   status-quo   6.5 M, 43 d   on the frontier (only cheaper ones are slower)
        //   austerity    5.5 M, 209 d  on the frontier: the cheapest
        //   merger       6.5 M, 45 d   dominated by status-quo: as cheap, slower
        //   digital      6.7 M, 30 d   on the frontier: the fastest
        //   gold-plated  7.5 M, 35 d   dominated by digital: dearer and slower
        //   no-lead      5.0 M, NaN    left out: nothing finished
        var frontier = CostFrontier.Of(
        [
            ("status-quo", 6.5e6, 43), ("austerity", 5.5e6, 209), ("merger", 6.5e6, 45), ("digital", 6.7e6, 30), ("gold-plated", 7.5e6, 35), ("no-lead", 5.0e6, double.NaN),
        ]);

        frontier.Select(f => f.Cell).Should().Equal("status-quo", "austerity", "merger", "digital", "gold-plated");
        frontier.Where(f => f.OnFrontier).Select(f => f.Cell).Should().Equal("status-quo", "austerity", "digital");
        frontier.Single(f => f.Cell == "merger").DominatedBy.Should().Equal("status-quo");
        frontier.Single(f => f.Cell == "gold-plated").DominatedBy.Should().Equal("digital");
    }

    [Fact]
    public void Frontier_EqualPoints_DoNotDominateEachOther_AndABetterOneDominatesBoth()
    {
        var frontier = CostFrontier.Of([("a", 1, 10), ("b", 1, 10), ("c", 1, 9)]);

        frontier.Single(f => f.Cell == "a").DominatedBy.Should().Equal("c");
        frontier.Single(f => f.Cell == "b").DominatedBy.Should().Equal("c");
        frontier.Single(f => f.Cell == "c").OnFrontier.Should().BeTrue();
        CostFrontier.Of([("a", 1, 10), ("b", 1, 10)]).Should().OnlyContain(f => f.OnFrontier, "equal on both: neither is better");
    }
}
