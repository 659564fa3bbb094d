using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Tests.Support;
using MathNet.Numerics.Distributions;

namespace IsdnSim.Tests.Experiments;

/// <summary>
/// The 95 % intervals mean what they say. On M/M/1 (arrivals 0.5 a day, service 1 a day) the
/// mean lead time is 1 / (mu - lambda) = 2 days. Repeating a 10-replication experiment 200 times
/// with different seeds, the interval should hold 2 in about 95 % of them: the count is
/// Binomial(200, 0.95), and it must lie in the range that holds 99.9 % of that distribution. Too
/// few means the intervals are too narrow (or the estimate biased); too many, too wide.
/// </summary>
public sealed class CoverageTests
{
    private const int Experiments = 200;
    private const int Replications = 10;

    [Fact]
    public void MeanLeadTimeIntervals_HoldTheAnalyticMean_InAbout95PercentOfExperiments()
    {
        const double analytic = 1 / (1.0 - 0.5);
        var yaml = Queues.Desk(staff: 1, rate: 0.5, horizon: "2000d", warmup: "100d", replications: Replications);
        var scenario = Runs.Parse(yaml);
        var m = HeadlineMetrics.For(Runs.Spec(scenario).Compile()).Select((x, i) => (x, i)).Single(p => p.x.Key == "lead_time_mean").i;

        var covered = 0;
        for (var e = 0; e < Experiments; e++)
        {
            var spec = Runs.Spec(scenario, new ScenarioOverrides(Seed: 1000 + (ulong)e, Variant: "as-is"));
            var model = spec.Compile();
            var digests = Enumerable.Range(0, Replications).Select(r => ReplicationDigest.From("x", model, InProcessEngine.Run(spec, model, r))).ToList();
            var estimate = CellSummary.Of("x", digests).Metrics[m];
            if (estimate.Low <= analytic && analytic <= estimate.High)
            {
                covered++;
            }
        }

        var coverage = new Binomial(0.95, Experiments);
        var low = Enumerable.Range(0, Experiments + 1).First(k => coverage.CumulativeDistribution(k) >= 0.0005);
        var high = Enumerable.Range(0, Experiments + 1).Last(k => 1 - coverage.CumulativeDistribution(k - 1) >= 0.0005);
        covered.Should().BeInRange(low, high, $"{covered} of {Experiments} intervals held the analytic mean; Binomial(200, 0.95) puts 99.9 % within [{low}, {high}]");
    }
}
