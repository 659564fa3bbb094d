using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Tests.Support;
using MathNet.Numerics.Distributions;

namespace IsdnSim.Tests.Domain;

/// <summary>
/// The shipped variants of rural-district move the figures in the direction their mechanisms
/// imply. Each comparison is paired by replication (common random numbers: the same projects
/// with the same efforts under both), and the difference must exceed zero with 99 % confidence.
/// </summary>
public sealed class RuralDistrictVariantTests
{
    private const int Replications = 5;

    private static readonly Lazy<Dictionary<string, (IsdnSim.Kernel.Model.SimulationModel Model, ReplicationFigures[] Figures)>> Runs_ = new(() =>
        new[] { "status-quo", "austerity", "democratisation", "one-level" }.ToDictionary(v => v, Run));

    /// <summary>
    /// Three years of the rural district without the heat-planning law: these are the years the
    /// law's heat plans fill the Bauämter (docs/model.md), which holds back the applications that
    /// pass through them and masks what the variants change downstream. The law's own effect is
    /// tested in SpecialisationAndMandateTests and reported in docs/model.md.
    /// </summary>
    private static (IsdnSim.Kernel.Model.SimulationModel, ReplicationFigures[]) Run(string variant)
    {
        var scenario = Runs.Load("rural-district.yaml");
        var overrides = new ScenarioOverrides(Replications: Replications, HorizonDays: 3 * 365, Variant: variant);
        var spec = Runs.Spec(scenario, overrides);
        var withoutLaw = scenario.Definition with { Shocks = [.. scenario.Definition.Shocks.Select(s => s with { Repealed = true })] };
        var model = IsdnSim.Kernel.Model.SimulationModel.Compile(overrides.Apply(withoutLaw));
        var results = Enumerable.Range(0, Replications).Select(r => InProcessEngine.Run(spec, model, r)).ToArray();
        return (model, [.. results.Select(r => ReplicationFigures.Compute(model, r))]);
    }

    private static double[] Figure(string variant, Func<IsdnSim.Kernel.Model.SimulationModel, ReplicationFigures, double> pick)
    {
        var (model, figures) = Runs_.Value[variant];
        return [.. figures.Select(f => pick(model, f))];
    }

    private static double Utilisation(IsdnSim.Kernel.Model.SimulationModel model, ReplicationFigures f, string agent, string agency) =>
        f.Agencies.Single(a => model.Agents[a.Agent].Id == agent && model.Agents[a.Agent].Agencies[a.Agency].Id == agency).Utilisation;

    private static double Process(IsdnSim.Kernel.Model.SimulationModel model, ReplicationFigures f, string process) =>
        f.Processes[model.Processes.Single(p => p.Id == process).Index].LeadTimeMean;

    /// <summary>Asserts that <paramref name="higher"/> exceeds <paramref name="lower"/>, pair by pair, beyond chance.</summary>
    private static void Higher(double[] higher, double[] lower, string what)
    {
        var d = higher.Zip(lower, (h, l) => h - l).ToArray();
        var mean = d.Average();
        var se = Math.Sqrt(d.Sum(x => (x - mean) * (x - mean)) / (d.Length - 1) / d.Length);
        var t = StudentT.InvCDF(0, 1, d.Length - 1, 0.99);
        (mean - t * se).Should().BePositive($"{what}: mean difference {mean:0.####}, standard error {se:0.####}");
    }

    [Fact]
    public void Austerity_MergedDistrict_RaisesTheBuildingAuthoritysUtilisation()
    {
        Higher(
            Figure("austerity", (m, f) => Utilisation(m, f, "lk-havelheide-oderbruch", "building")),
            Figure("status-quo", (m, f) => Utilisation(m, f, "lk-havelheide", "building")),
            "pooled load on fewer posts");
    }

    [Fact]
    public void Austerity_LengthensBuildingApplications()
    {
        Higher(Figure("austerity", (m, f) => Process(m, f, "building-application")), Figure("status-quo", (m, f) => Process(m, f, "building-application")),
            "lead time of building applications");
    }

    [Fact]
    public void Democratisation_TakesMoreDecisionsForTheOwnTerritory()
    {
        // The delegated building permits are bound decisions: they raise the share of all decisions
        // taken by the towns; territorial congruence proper (decisions with a choice) need not move.
        Higher(Figure("democratisation", (_, f) => f.CongruenceAllDecisions), Figure("status-quo", (_, f) => f.CongruenceAllDecisions),
            "decisions of any kind taken for the own territory");
    }

    [Fact]
    public void OneLevel_DecidesFurtherAway_WithMoreInhabitantsPerCouncillor()
    {
        // Twenty councils become one of 46 members for 86,590 inhabitants, sitting in the former district's seat.
        Higher(Figure("one-level", (_, f) => f.InhabitantsPerCouncillor), Figure("status-quo", (_, f) => f.InhabitantsPerCouncillor), "inhabitants per councillor");
        Higher(Figure("one-level", (_, f) => f.DistanceToDeciderKm), Figure("status-quo", (_, f) => f.DistanceToDeciderKm), "distance to the deciding body");
    }

    [Fact]
    public void Democratisation_LowersReworkThroughLocalKnowledge()
    {
        Higher(Figure("status-quo", (_, f) => f.Overall.CriticalChainReworks), Figure("democratisation", (_, f) => f.Overall.CriticalChainReworks),
            "returns for rework per project");
    }

    [Fact]
    public void OneLevel_CutsHandoffs()
    {
        Higher(Figure("status-quo", (_, f) => f.Overall.CriticalChainHandoffs), Figure("one-level", (_, f) => f.Overall.CriticalChainHandoffs),
            "hand-offs per project");
    }

    [Fact]
    public void Variants_KeepArrivalsTheSame()
    {
        // Common random numbers: no variant changes what arrives, only how it is handled.
        var arrived = Figure("status-quo", (_, f) => f.Overall.Arrived);
        foreach (var variant in new[] { "austerity", "democratisation", "one-level" })
        {
            Figure(variant, (_, f) => f.Overall.Arrived).Should().Equal(arrived, variant);
        }
    }
}
