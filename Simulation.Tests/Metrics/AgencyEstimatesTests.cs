using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
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
}
