using IsdnSim.Analysis.Experiments;
using IsdnSim.Tests.Queueing;
using IsdnSim.Tests.Support;
using MathNet.Numerics.Distributions;

namespace IsdnSim.Tests.Experiments;

/// <summary>Comparing variants: common random numbers, paired intervals, multiple comparisons, sequential precision, resuming.</summary>
public sealed class CompareTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>M/M/3 at 80 % against M/M/4 (one more person): only staffing differs.</summary>
    private static readonly string Desk = Queues.Desk(staff: 3, rate: 2.4, horizon: "2000d", warmup: "100d", replications: 10);

    [Fact]
    public async Task CommonRandomNumbers_MakeThePairedIntervalNarrower_AndItHoldsTheTheoreticalDifference()
    {
        var outcome = await Experiments.CompareAsync(Experiments.ComparePlan(Desk, ["as-is", "one-more"], 10), Desk, _dir.File("crn"));

        // Both variants see the same arrivals and the same work: busy spells are shared, so the
        // pairs are positively correlated and their differences vary less than two independent
        // samples would. For lead time the extra person changes the queue itself, so the gain is
        // modest; the interval still holds what Erlang C says the person saves.
        var lead = outcome.Result.DifferenceOf("one-more", Experiments.Metric(outcome, "lead_time_mean"))!;
        lead.Paired.HalfWidth.Should().BeLessThan(lead.UnpairedHalfWidth!.Value);
        var theory = (ErlangC.MeanWait(4, 2.4, 1) + 1) - (ErlangC.MeanWait(3, 2.4, 1) + 1);
        lead.Paired.Low!.Value.Should().BeLessThan(theory);
        lead.Paired.High!.Value.Should().BeGreaterThan(theory);
        lead.Significant.Should().BeTrue();
        lead.Level.Should().Be(0.95, "two variants: one comparison, no adjustment");

        // Throughput: with the same arrivals both stable queues finish the same projects, up to
        // the few still queued at the end; paired, the noise of the arrivals cancels.
        var throughput = outcome.Result.DifferenceOf("one-more", Experiments.Metric(outcome, "throughput_per_year"))!;
        throughput.Paired.HalfWidth.Should().BeLessThan(throughput.UnpairedHalfWidth!.Value / 5);
        throughput.Significant.Should().BeFalse("in steady state both finish what arrives");
    }

    [Fact]
    public async Task ThreeVariants_AdjustTheDifferenceIntervals_Bonferroni()
    {
        var outcome = await Experiments.CompareAsync(Experiments.ComparePlan(Desk, ["as-is", "one-more", "one-less"], 6), Desk, _dir.File("three"));

        var m = Experiments.Metric(outcome, "throughput_per_year");
        var d = outcome.Result.DifferenceOf("one-less", m)!;
        var pairs = outcome.Digests["one-less"].Zip(outcome.Digests["as-is"], (a, b) => a.Metrics[m] - b.Metrics[m]).ToArray();
        var mean = pairs.Average();
        var sd = Math.Sqrt(pairs.Sum(x => (x - mean) * (x - mean)) / (pairs.Length - 1));

        d.Level.Should().Be(0.975, "two comparisons share the 5 %");
        d.Paired.Mean.Should().BeApproximately(mean, 1e-12);
        d.Paired.HalfWidth.Should().BeApproximately(StudentT.InvCDF(0, 1, 5, 1 - 0.025 / 2) * sd / Math.Sqrt(6), 1e-9);
        outcome.Result.Differences.Should().HaveCount(2 * outcome.Result.Metrics.Count).And.OnlyContain(x => x.Level == 0.975);
    }

    [Fact]
    public async Task Precision_AddsReplicationsUntilTheKeyDifferencesAreNarrowEnough()
    {
        var outcome = await Experiments.CompareAsync(Experiments.ComparePlan(Desk, ["as-is", "one-more"], 3, precision: 0.05, cap: 60), Desk, _dir.File("precise"));

        outcome.PrecisionReached.Should().BeTrue();
        outcome.Replications.Should().BeGreaterThan(3);
        foreach (var key in PrecisionRule.KeyMetrics)
        {
            var m = Experiments.Metric(outcome, key);
            var target = 0.05 * Math.Abs(outcome.Result.Cell("as-is").Metrics[m].Mean);
            outcome.Result.DifferenceOf("one-more", m)!.Paired.HalfWidth.Should().BeLessThanOrEqualTo(target, key);
        }

        outcome.Digests.Values.Should().OnlyContain(d => d.Count == outcome.Replications);
    }

    [Fact]
    public async Task Precision_StopsAtTheCap_AndSaysSo()
    {
        var outcome = await Experiments.CompareAsync(Experiments.ComparePlan(Desk, ["as-is", "one-more"], 3, precision: 0.0001, cap: 8), Desk, _dir.File("capped"));

        outcome.Replications.Should().Be(8);
        outcome.PrecisionReached.Should().BeFalse();
    }

    [Fact]
    public async Task Resume_SetsAsideAnUnreadableReplication_AndComputesItAgain()
    {
        var plan = Experiments.ComparePlan(Desk, ["as-is", "one-more"], 3);
        await Experiments.CompareAsync(plan, Desk, _dir.File("through"));
        await Experiments.CompareAsync(plan, Desk, _dir.File("damaged"));
        File.WriteAllText(_dir.File("damaged/replications/one-more/00001.json"), "{\"cell\": \"one-mo");
        File.WriteAllText(_dir.File("damaged/replications/as-is/00002.json"), File.ReadAllText(_dir.File("damaged/replications/as-is/00000.json")));

        var problems = new List<string>();
        Experiments.LoadCompare(_dir.File("damaged"), problems).Should().HaveCount(4);
        problems.Should().HaveCount(2).And.Contain(p => p.Contains("00001.json: not a replication file")).And.Contain(p => p.Contains("00002.json: it does not hold the replication its name says"));
        var resumed = await Experiments.CompareAsync(plan, Desk, _dir.File("damaged"));

        resumed.Computed.Should().Be(2);
        Experiments.Files(_dir.File("damaged")).Where(f => !f.Key.EndsWith(".unreadable", StringComparison.Ordinal) && !f.Key.EndsWith(".rejected", StringComparison.Ordinal))
            .Should().BeEquivalentTo(Experiments.Files(_dir.File("through")));
    }

    [Fact]
    public async Task Resume_WithOtherMetrics_IsRefused()
    {
        var plan = Experiments.ComparePlan(Desk, ["as-is", "one-more"], 2);
        await Experiments.CompareAsync(plan, Desk, _dir.File("old"));
        Experiments.Edit(_dir.File("old/experiment.json"), t => t.Replace("\"wip_mean\",", "", StringComparison.Ordinal), reseal: true);

        var act = () => Experiments.CompareAsync(plan, Desk, _dir.File("old"));

        await act.Should().ThrowAsync<InvalidDataException>().WithMessage("*this version of isdnsim measures*start a new experiment*");
    }

    [Fact]
    public void Precision_NeverStopsBeforeFiveReplications()
    {
        var digests = new[] { "a", "b" }.ToDictionary(c => c, c => (IReadOnlyList<ReplicationDigest>)[.. Enumerable.Range(0, 3)
            .Select(r => new ReplicationDigest(c, r, [10 + (0.001 * r), 100], [], [], [], 0))]);
        var metrics = new[] { new MetricDefinition("lead_time_mean", "", "days", Better.Lower), new MetricDefinition("throughput_per_year", "", "per year", Better.Higher) };
        var result = ComparisonResult.Compute(metrics, ["a", "b"], "a", digests);

        PrecisionRule.Next(result, 0.05, 3, 100).Should().Be(5, "the differences are zero, but three replications are too few to trust that");
        PrecisionRule.Next(result, 0.05, 3, 4).Should().Be(4, "never past the cap");
    }

    [Theory]
    [InlineData(null, 5)]
    [InlineData(0.05, 3)]
    public async Task Resume_AfterAnInterruption_EndsWithTheSameFiles(double? precision, int replications)
    {
        var plan = Experiments.ComparePlan(Desk, ["as-is", "one-more", "one-less"], replications, precision, cap: 40);
        await Experiments.CompareAsync(plan, Desk, _dir.File("through"));

        using var cancel = new CancellationTokenSource();
        var interrupted = () => Experiments.CompareAsync(plan, Desk, _dir.File("resumed"), new InterruptingEngine(4, cancel), cancel.Token);
        await interrupted.Should().ThrowAsync<OperationCanceledException>();
        var stored = ExperimentStore.Open(_dir.File("resumed")).Stored();
        stored.Should().BeInRange(4, 5, "the replications that finished before the interruption are kept (two run at a time)");
        File.Exists(_dir.File("resumed/comparison.csv")).Should().BeFalse("no results are written for an unfinished experiment");

        var resumed = await Experiments.CompareAsync(plan, Desk, _dir.File("resumed"));

        resumed.Computed.Should().Be(resumed.Replications * 3 - stored, "finished replications are not computed again");
        Experiments.Files(_dir.File("resumed")).Should().BeEquivalentTo(Experiments.Files(_dir.File("through")));
    }
}
