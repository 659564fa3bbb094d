using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Validation;
using IsdnSim.Kernel.Model;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Validation;

/// <summary>Fitting observations to a scenario: the exact message and position of each row that does not fit, and the shipped data fitting the shipped scenarios.</summary>
public sealed class ObservedTargetTests
{
    private static readonly SimulationModel Model = Runs.Spec(Runs.Parse(ObservedStatisticsTests.Yaml)).Compile();

    private static IEnumerable<string> Problems(params string[] rows)
    {
        var data = ObservedData.Parse("process,region,statistic,value,unit,source\n" + string.Join("\n", rows), "obs.csv");
        var act = () => ObservedTarget.Resolve(data, Model, "inline.yaml");
        return act.Should().Throw<ObservedDataException>().Which.Diagnostics.Select(d => d.ToString());
    }

    [Theory]
    [InlineData("pp,,mean,1,days,s", "obs.csv:2:1: error: no process 'pp' in inline.yaml; did you mean 'p'? (processes: p, q)")]
    [InlineData("p,lk3,mean,1,days,s", "obs.csv:2:3: error: no agent 'lk3' in inline.yaml; did you mean 'lk'?; a region is the id of a municipality, Amt, district, city or state, or empty for the whole scenario")]
    [InlineData("p,ops,mean,1,days,s", "obs.csv:2:3: error: 'ops' (a national-operator) has no municipality at or below it, so no project counts for it; a region is the id of a municipality, Amt, district, city or state, or empty for the whole scenario")]
    [InlineData("q,,share_finished_by:2024-12-31,0.5,share,s", "obs.csv:2:4: error: share_finished_by:2024-12-31: the date is before the scenario's start, 2025-01-01; the model says nothing about it")]
    [InlineData("q,,share_finished_by:2026-02-05,0.5,share,s", "obs.csv:2:4: error: share_finished_by:2026-02-05: the date is after the last day of the run, 2026-02-04; give a longer --horizon or an earlier date")]
    [InlineData("p,lk2,share_finished_by:2025-06-01,0.5,share,s", "obs.csv:2:7: error: share_finished_by:2025-06-01: projects of 'p' also arrive by demand here, so the share finished by a date has no fixed base; it is for projects a law obliges municipalities to start (shocks:). Use share_within:<duration> or a lead-time statistic")]
    public void ARowThatDoesNotFitTheScenario_IsReportedAtItsField(string row, string message)
    {
        Problems(row).Should().Equal(message);
    }

    [Fact]
    public void TheLastDayOfTheRun_IsAccepted()
    {
        // Horizon 400 days from 2025-01-01: day 400 ends at midnight after 2026-02-04.
        var data = ObservedData.Parse("process,region,statistic,value,unit,source\nq,,share_finished_by:2026-02-04,0.5,share,s", "obs.csv");

        ObservedTarget.Resolve(data, Model, "inline.yaml").Single().ByDay.Should().Be(400);
    }

    [Theory]
    [InlineData("rural-district.yaml", "rural-district.csv")]
    [InlineData("city.yaml", "city.csv")]
    public void TheShippedObservations_FitTheShippedScenarios(string scenario, string observed)
    {
        var data = ObservedData.Read(Path.Combine(Repository.Root, "data", "observed", observed));
        var model = RunSpec.From(Runs.Load(scenario)).Compile();

        ObservedTarget.Resolve(data, model, scenario).Should().HaveCount(data.Rows.Count);
        data.Rows.Should().OnlyContain(r => r.Source.Length > 40, "every shipped figure says where it comes from");
    }
}
