using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Experiments;

/// <summary>The rules of a comparison and of a sweep, as the experiment layer states them: no command line needed.</summary>
public sealed class ExperimentRequestTests
{
    private static readonly Scenario.Language.LoadedScenario Rural = Runs.Load("rural-district.yaml");

    [Theory]
    [InlineData(new[] { "status-quo" }, null, "a comparison needs at least two variants, found 1 (status-quo)")]
    [InlineData(new[] { "status-quo", "austerity", "status-quo" }, null, "--variants: a variant is listed twice")]
    [InlineData(new[] { "status-quo", "austerty" }, null, "--variants: no variant 'austerty' in *rural-district.yaml; did you mean 'austerity'? (variants: status-quo, merger-only, austerity, *")]
    [InlineData(new[] { "status-quo", "austerity" }, "democratisation", "--baseline: 'democratisation' is not one of the compared variants (status-quo, austerity)*")]
    public void AComparison_RefusesVariantsItCannotCompare(string[] variants, string? baseline, string message)
    {
        var act = () => new CompareRequest(variants, baseline, null, null, null).Plan(Rural, ScenarioOverrides.None);

        act.Should().Throw<ExperimentRequestException>().WithMessage(message);
    }

    [Fact]
    public void APrecisionTarget_NeedsTwoReplicationsToStart_AndRoomToAddMore()
    {
        var tooFew = () => new CompareRequest(null, null, 1, 0.05, null).Plan(Rural, ScenarioOverrides.None);
        var noRoom = () => new CompareRequest(null, null, 10, 0.05, 5).Plan(Rural, ScenarioOverrides.None);

        tooFew.Should().Throw<ExperimentRequestException>().WithMessage("--precision needs at least 2 replications in the first round (--replications)");
        noRoom.Should().Throw<ExperimentRequestException>().WithMessage("--max-replications (5) is smaller than the first round (10)");
        CompareRequest.OptionProblem(1.5, null).Should().StartWith("--precision must be a share between 0 and 1");
        CompareRequest.OptionProblem(null, 10).Should().Be("--max-replications goes with --precision");
        CompareRequest.OptionProblem(0.05, 1).Should().StartWith("--max-replications must be between 2 and");
        CompareRequest.OptionProblem(0.05, 50).Should().BeNull();
    }

    [Fact]
    public void AComparison_PutsTheBaselineFirst_AndCapsReplicationsOnlyWithAPrecisionTarget()
    {
        var fixedPlan = new CompareRequest(["status-quo", "austerity", "democratisation"], "austerity", 3, null, null).Plan(Rural, ScenarioOverrides.None);
        var precisePlan = new CompareRequest(["status-quo", "austerity"], null, 3, 0.1, null).Plan(Rural, ScenarioOverrides.None);

        fixedPlan.Variants.Should().Equal("austerity", "status-quo", "democratisation");
        fixedPlan.Baseline.Should().Be("austerity");
        fixedPlan.MaxReplications.Should().Be(3);
        precisePlan.MaxReplications.Should().Be(CompareRequest.DefaultMaxReplications);
    }

    [Theory]
    [InlineData("a.b=1,2", "a.b=3", "--set: 'a.b' is set twice*")]
    [InlineData("seed=1..10000:1", "replications=1..10:1", "--set: the grid has 100,000 points; the limit is 10,000")]
    public void ASweep_RefusesAGridItCannotRun(string first, string second, string message)
    {
        var act = () => new SweepRequest([first, second], null, null).Plan(Rural, ScenarioOverrides.None);

        act.Should().Throw<ExperimentRequestException>().WithMessage(message);
        SweepRequest.OptionProblem([]).Should().Be("a sweep needs at least one --set PATH=VALUES");
    }

    [Theory]
    [InlineData(new[] { "status-quo" }, null, "a comparison needs at least two variants, found 1 (status-quo)")]
    [InlineData(new[] { "status-quo", "austerty" }, null, "--variants: no variant 'austerty' in *rural-district.yaml; did you mean 'austerity'?*")]
    [InlineData(new[] { "status-quo", "austerity" }, "austerity", "--variant applies one variant at every point, --variants compares several; give one of them")]
    public void ASweepOfVariants_FollowsTheRulesOfAComparison(string[] variants, string? variant, string message)
    {
        var act = () => new SweepRequest(["agents.lk-havelheide.agencies.building.staff=15,17"], variant, null) { Variants = variants }.Plan(Rural, ScenarioOverrides.None);

        act.Should().Throw<ExperimentRequestException>().WithMessage(message);
    }

    [Fact]
    public void ASweepOfVariants_PlansThemAll_TheFirstTheBaseline()
    {
        var plan = new SweepRequest(["agents.lk-havelheide.agencies.building.staff=15,17"], null, 2) { Variants = ["democratisation", "status-quo"] }.Plan(Rural, ScenarioOverrides.None);

        plan.Variants.Should().Equal("democratisation", "status-quo");
        plan.Baseline.Should().Be("democratisation");
        SweepExperiment.Compares(plan).Should().BeTrue();
    }
}
