using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Experiments;

/// <summary>
/// A figure that has no value in some replications (a lead time where nothing finished): every
/// mean says over how many replications it is, and a paired difference over fewer replications
/// than its means says so, with both means over the replications it is taken over.
/// </summary>
public sealed class MissingValueTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly MetricDefinition[] LeadTime = [new("lead_time_mean", "Lead time, mean", "days", Better.Lower)];

    [Fact]
    public void Difference_OverFewerReplicationsThanItsMeans_IsFlagged_WithTheMeansOfItsPairs()
    {
        // Five replications; a lead time only where something finished (NaN elsewhere).
        // Baseline 10, 12, -, 14, -: n = 3, mean 12. Variant 11, -, 20, 16, -: n = 3, mean 47 / 3.
        // Both have a value in replications 0 and 3 only: differences 1 and 2, mean 1.5, over the
        // baseline's 10 and 14 (mean 12) and the variant's 11 and 16 (mean 13.5). The difference
        // of the means beside it would be 47 / 3 - 12 = 3.67: not what the pairs give.
        var result = Compare([10, 12, double.NaN, 14, double.NaN], [11, double.NaN, 20, 16, double.NaN]);

        var (baseline, variant) = (result.Cell("a").Metrics[0], result.Cell("b").Metrics[0]);
        (baseline.N, baseline.Mean).Should().Be((3, 12));
        (variant.N, variant.Mean).Should().Be((3, 47.0 / 3));
        result.Cell("a").Replications.Should().Be(5);

        var d = result.DifferenceOf("b", 0)!;
        (d.Paired.N, d.Paired.Mean, d.BaselineN, d.VariantN).Should().Be((2, 1.5, 3, 3));
        (d.BaselineMeanOfPairs, d.VariantMeanOfPairs).Should().Be((12, 13.5));
        d.OnTheReplicationsOfTheMeans.Should().BeFalse();
        MissingValues.UnequalPairs(result).Should().Equal(d);
        MissingValues.Line(result, d, c => c, (_, v) => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Should().Be(
            "† b − a, Lead time, mean: over the 2 replications in which both have a value (there a 12.0, b 13.5), not over the 3 and 3 of the means beside it.");
        MissingValues.Lines(result, c => c).Should().Equal("Lead time, mean: a value in 3 of 5 replications of a, 3 of 5 of b");
    }

    [Fact]
    public void Difference_OverTheSameReplicationsAsItsMeans_IsNotFlagged()
    {
        // Both without a value in replication 1 only: the pairs are the means' replications, and the
        // mean difference (1 + 2 + 3 + 4) / 4 = 2.5 is the difference of the means, 14.5 - 12.
        var result = Compare([10, double.NaN, 12, 13, 13], [11, double.NaN, 14, 16, 17]);

        var d = result.DifferenceOf("b", 0)!;
        (d.Paired.N, d.BaselineN, d.VariantN).Should().Be((4, 4, 4));
        d.OnTheReplicationsOfTheMeans.Should().BeTrue();
        d.Paired.Mean.Should().Be(result.Cell("b").Metrics[0].Mean - result.Cell("a").Metrics[0].Mean);
        MissingValues.UnequalPairs(result).Should().BeEmpty();
        MissingValues.Incomplete(result).Should().Equal(0);
    }

    [Fact]
    public void EveryReplicationWithAValue_NeedsNoNote()
    {
        var result = Compare([10, 11, 12], [11, 12, 13]);

        MissingValues.Incomplete(result).Should().BeEmpty();
        result.DifferenceOf("b", 0)!.OnTheReplicationsOfTheMeans.Should().BeTrue();
    }

    [Fact]
    public async Task ARealComparison_WhereOneVariantFinishesInMoreReplications_CountsEachCellAndFlagsTheDifference()
    {
        // One desk, one person, Poisson arrivals at 0.5 a day, exponential work of a day, a horizon
        // of 2 days: in some replications no request is finished by the horizon. A second person
        // never finishes later than one (the first request is served at once either way, and a
        // second one need not wait), so every replication with a lead time at one person has one
        // at two, and some have one only at two.
        var desk = Queues.Desk(staff: 1, rate: 0.5, horizon: "2d", replications: 40);
        var outcome = await Experiments.CompareAsync(Experiments.ComparePlan(desk, ["as-is", "one-more"], 40), desk, _dir.File("cmp"));

        var m = Experiments.Metric(outcome, "lead_time_mean");
        double[] Values(string cell) => [.. outcome.Digests[cell].Select(d => d.Metrics[m])];
        var (one, two) = (Values("as-is"), Values("one-more"));
        var withOne = Enumerable.Range(0, 40).Where(i => double.IsFinite(one[i])).ToList();
        var withTwo = Enumerable.Range(0, 40).Where(i => double.IsFinite(two[i])).ToList();
        withTwo.Should().Contain(withOne, "a second person finishes at least what one does");
        withTwo.Count.Should().BeGreaterThan(withOne.Count, "this seed has replications where only two people finish something");
        withOne.Count.Should().BeLessThan(40);

        outcome.Result.Cell("as-is").Metrics[m].N.Should().Be(withOne.Count);
        outcome.Result.Cell("one-more").Metrics[m].N.Should().Be(withTwo.Count);
        var d = outcome.Result.DifferenceOf("one-more", m)!;
        d.Paired.N.Should().Be(withOne.Count, "the pairs are the replications where both have a value");
        d.OnTheReplicationsOfTheMeans.Should().BeFalse();
        d.BaselineMeanOfPairs.Should().BeApproximately(withOne.Average(i => one[i]), 1e-9);
        d.VariantMeanOfPairs.Should().BeApproximately(withOne.Average(i => two[i]), 1e-9);
        d.Paired.Mean.Should().BeApproximately(d.VariantMeanOfPairs - d.BaselineMeanOfPairs, 1e-9);

        // comparison.csv says the same: n per cell, and the difference's own replications and means.
        var rows = Presentation.Output.ExperimentOutput.Comparison.Read(_dir.File("cmp/comparison.csv")).Where(r => r["metric"] == "lead_time_mean").ToList();
        rows.Select(r => (r["variant"], r.Long("replications"), r.Long("replications_with_value")))
            .Should().Equal(("as-is", 40L, (long)withOne.Count), ("one-more", 40L, (long)withTwo.Count));
        var other = rows.Single(r => r["variant"] == "one-more");
        (other.Long("difference_replications"), other["same_replications_as_means"]).Should().Be((withOne.Count, "false"));
        other.Double("baseline_mean_on_pairs").Should().Be(d.BaselineMeanOfPairs);
        rows.Single(r => r["variant"] == "as-is")["same_replications_as_means"].Should().BeEmpty();

        var html = File.ReadAllText(_dir.File("cmp/report.html"));
        html.Should().Contain($"n = {withOne.Count} of 40").And.Contain($"n = {withTwo.Count} of 40")
            .And.Contain($"over {withOne.Count} replications †").And.Contain("Warning: not every replication has a value")
            .And.Contain("the mean over the rest is too low (optimistic)");
    }

    private static ComparisonResult Compare(double[] a, double[] b) =>
        ComparisonResult.Compute(LeadTime, ["a", "b"], "a", new Dictionary<string, IReadOnlyList<ReplicationDigest>>
        {
            ["a"] = [.. a.Select((v, r) => new ReplicationDigest("a", r, [v], [], [], [], 0))],
            ["b"] = [.. b.Select((v, r) => new ReplicationDigest("b", r, [v], [], [], [], 0))],
        });
}
