using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Model;
using IsdnSim.Tests.Support;
using MathNet.Numerics.Distributions;

namespace IsdnSim.Tests.Domain;

/// <summary>
/// The shipped independent city (city.yaml): one administration for the municipal and the
/// district level, its council with committees, the same processes as the rural district.
/// </summary>
public sealed class CityScenarioTests
{
    private const int Replications = 5;

    private static readonly Lazy<Dictionary<string, (SimulationModel Model, ReplicationResult[] Results)>> Runs_ = new(() =>
        new[] { "status-quo", "staff-cut" }.ToDictionary(v => v, Run));

    private static (SimulationModel, ReplicationResult[]) Run(string variant)
    {
        var spec = Runs.Spec(Runs.Load("city.yaml"), new ScenarioOverrides(Replications: Replications, HorizonDays: 2 * 365, Variant: variant), recordSteps: true);
        var model = spec.Compile();
        return (model, [.. Enumerable.Range(0, Replications).Select(r => InProcessEngine.Run(spec, model, r))]);
    }

    [Fact]
    public void TheCity_HandsNoFileBetweenTheMunicipalAndTheDistrictLevel()
    {
        // Every role a municipality or a district would hold is the city's: files go from office
        // to office (not counted as hand-offs between organisations), and out only to the Land,
        // the companies and the operators.
        var (model, results) = Runs_.Value["status-quo"];
        var n = SimulationModel.Levels.Length;
        var city = (int)Level.City;

        foreach (var r in results)
        {
            r.Tallies.Handoffs.Sum().Should().BePositive();
            foreach (var level in new[] { Level.Municipal, Level.City, Level.District })
            {
                r.Tallies.Handoffs[(city * n) + (int)level].Should().Be(0, $"no file goes from the city to the {level} level");
                r.Tallies.Handoffs[((int)level * n) + city].Should().Be(0);
            }

            // Every decision is the city council's or its administration's, but the Land's approval of a statute.
            var byTheLand = r.Steps.Count(s => model.Processes[s.Project.Process].Steps[s.Step].Id == "higher-approval");
            r.Tallies.Decisions.TotalCongruent.Should().Be(r.Tallies.Decisions.Total - byTheLand);
        }
    }

    [Fact]
    public void EveryCouncilDecision_WaitsForItsCommitteeCycle()
    {
        // A matter is due 14 days before the specialist committee, the Hauptausschuss takes it at
        // the earliest 7 days after that, the council 7 days after the Hauptausschuss: no council
        // step of the city can be done in less than 28 days from becoming ready.
        var (model, results) = Runs_.Value["status-quo"];
        var council = results.SelectMany(r => r.Steps).Where(s => model.Processes[s.Project.Process].Steps[s.Step].Kind == StepKind.Council).ToList();

        council.Should().NotBeEmpty();
        council.Should().OnlyContain(s => s.End - s.Ready >= 28);
    }

    [Fact]
    public void StaffCut_RaisesTheBuildingAuthoritysUtilisation()
    {
        // Fewer posts for the same applications: paired by replication (the same projects with
        // the same efforts), the difference must exceed zero with 99 % confidence.
        double Utilisation(string variant, int r)
        {
            var (model, results) = Runs_.Value[variant];
            var f = ReplicationFigures.Compute(model, results[r]);
            return f.Agencies.Single(a => model.Agents[a.Agent].Id == "havelstein" && model.Agents[a.Agent].Agencies[a.Agency].Id == "building").Utilisation;
        }

        var d = Enumerable.Range(0, Replications).Select(r => Utilisation("staff-cut", r) - Utilisation("status-quo", r)).ToArray();
        var mean = d.Average();
        var se = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length);
        (mean - (StudentT.InvCDF(0, 1, d.Length - 1, 0.99) * se)).Should().BePositive($"mean difference {mean:0.####}, standard error {se:0.####}");
    }
}
