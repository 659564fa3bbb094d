using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Metrics;

public sealed class AgencyEstimatesTests
{
    [Fact]
    public void TheFiguresOfEachReplication_AreComputedOnce_NotOncePerAgency()
    {
        // Computing a replication's agency figures walks every agency; asked again for each
        // agency it made a Germany-scale summary quadratic (77 s instead of 2 s of writing).
        var spec = Runs.Spec(Runs.Load("teaching.yaml"), new ScenarioOverrides(Replications: 3, HorizonDays: 365));
        var model = spec.Compile();
        var figures = Enumerable.Range(0, 3).Select(r => ReplicationFigures.Compute(model, InProcessEngine.Run(spec, model, r))).ToArray();
        var calls = 0;

        var estimates = AgencyEstimates.Of(figures, r =>
        {
            calls++;
            return AgencyFigures.Of(model, r);
        });

        calls.Should().Be(3);
        estimates.Should().HaveCount(model.Agents.Sum(a => a.Agencies.Count));
        estimates.Should().OnlyContain(e => e.Utilisation.N == 3);
    }

    [Fact]
    public void TheEstimateOfOneValue_IsTheEstimateOfAListOfIt_ToTheBit()
    {
        double[] values = [0.0, -0.0, 0.7312, -12.5, 1e-310, double.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        foreach (var value in values)
        {
            var one = Estimate.OfOne(value);
            var list = Estimate.Of([value]);

            BitConverter.DoubleToInt64Bits(one.Mean).Should().Be(BitConverter.DoubleToInt64Bits(list.Mean), $"the mean of {value:R}");
            one.Should().Be(list);
        }
    }

    [Fact]
    public void OneReplicationsEstimates_AreThoseOfTheGeneralPath_ToTheBit()
    {
        // One replication takes a path without arrays; each estimate must be what the estimate of
        // the replication's one value (or of none, where the figure is undefined) always was.
        var spec = Runs.Spec(Runs.Load("teaching.yaml"), new ScenarioOverrides(Replications: 1, HorizonDays: 730));
        var model = spec.Compile();
        var figures = AgencyFigures.Of(model, ReplicationFigures.Compute(model, InProcessEngine.Run(spec, model, 0)));

        var estimates = AgencyEstimates.Of([figures], r => r);

        estimates.Should().HaveCount(figures.Count);
        for (var i = 0; i < figures.Count; i++)
        {
            var (f, e) = (figures[i], estimates[i]);
            Same(e.Utilisation, Of(f.Utilisation));
            Same(e.WaitingCaused, Of(f.WaitingCaused));
            Same(e.DeterminingShare, Finite(f.DeterminingShare));
            Same(e.MeanQueueLength, Of(f.MeanQueueLength));
            Same(e.MeanWait, Of(f.MeanWait));
            Same(e.ItemsDone, Of(f.ItemsDone));
            Same(e.Fictions, Of(f.Fictions));
            Same(e.PresentShare, Finite(f.PresentShare));
            Same(e.PresentUtilisation, Finite(f.PresentUtilisation));
            e.YearUtilisation.Should().HaveCount(f.YearUtilisation.Length);
            for (var y = 0; y < f.YearUtilisation.Length; y++)
            {
                Same(e.YearUtilisation[y], Of(f.YearUtilisation[y]));
            }
        }

        static Estimate Of(double v) => Estimate.Of([v]);
        static Estimate Finite(double v) => Estimate.Of(double.IsFinite(v) ? [v] : []);
        static void Same(Estimate actual, Estimate expected)
        {
            BitConverter.DoubleToInt64Bits(actual.Mean).Should().Be(BitConverter.DoubleToInt64Bits(expected.Mean));
            actual.Should().Be(expected);
        }
    }
}
