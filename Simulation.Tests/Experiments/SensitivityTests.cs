using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Experiments;

/// <summary>
/// Sensitivity designs on a scenario where the answers are known without simulating: a
/// parameter the model never reads has indices of exactly zero (under common random numbers its
/// points give the same run to the bit), a variant with half the staff of a busy office never
/// beats the status quo, values reach the compiled model, and a resumed design gives the same files.
/// </summary>
public sealed class SensitivityTests : IDisposable
{
    // One office of three posts at about 83 % load (2.5 applications a day, a working day each,
    // continuous time); the effort is uncertain. The second parameter is the effort of a process
    // no project ever follows: it cannot change anything.
    internal const string Scenario = """
        name: sensitivity example
        seed: 11
        start: 2025-01-01
        horizon: 200d
        calendar: { kind: continuous }
        handoff: 1d
        agents:
          - id: town
            kind: municipality
            population: 10000
            agencies:
              - { id: office, staff: 3, roles: [permit] }
        processes:
          - id: application
            steps:
              - { id: permit, role: permit, effort: { dist: exponential, mean: 1wd } }
          - id: unused
            steps:
              - { id: permit, role: permit, effort: 5wd }
        jurisdiction: { permit: self }
        demand: [{ process: application, rate: 2.5/day }]
        variants:
          - { id: status-quo, operations: [] }
          - { id: half-staff, operations: [{ op: scale_staff, role: permit, factor: 0.5 }] }
        uncertain:
          processes.application.steps.permit.effort.mean:
            uniform: [0.6wd, 1.1wd]
            assumption: true
          processes.unused.steps.permit.effort:
            uniform: [1wd, 9wd]
            assumption: true
        """;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ExperimentPlan Plan(string method, int samples, params string[] variants)
    {
        var scenario = Runs.Parse(Scenario);
        var metrics = HeadlineMetrics.For(IsdnSim.Kernel.Model.SimulationModel.Compile(scenario.Definition)).Select(m => m.Key).ToList();
        return new SensitivityRequest(method, samples, 4, variants, ["lead_time_mean"], 1).Plan(scenario, ScenarioOverrides.None, metrics);
    }

    private async Task<(SensitivityExperiment Experiment, SensitivityOutcome Outcome, ExperimentStore Store)> RunAsync(ExperimentPlan plan, string folder)
    {
        var path = _dir.File(folder);
        var store = System.IO.File.Exists(System.IO.Path.Combine(path, ExperimentStore.PlanFile)) ? ExperimentStore.Open(path) : ExperimentStore.Create(path, plan, Scenario);
        var experiment = SensitivityExperiment.Prepare(store.Plan, Scenario);
        return (experiment, await experiment.RunAsync(store, new InProcessEngine(), 2, null, CancellationToken.None), store);
    }

    [Fact]
    public async Task Sobol_AParameterTheModelNeverReads_HasIndicesOfExactlyZero_AndTheEffortDoesNot()
    {
        var (experiment, outcome, _) = await RunAsync(Plan("sobol", 8, "status-quo"), "sobol");

        experiment.Points.Should().HaveCount(8 * (2 + 2), "Saltelli's scheme: N (k + 2) points");
        var indices = outcome.Result.Indices.Where(i => i.Output == "status-quo").ToList();
        var unused = indices.Where(i => i.Parameter == "processes.unused.steps.permit.effort").ToList();
        unused.Select(i => i.Index).Should().BeEquivalentTo(["S1", "ST"]);

        // f(AB_i) = f(A) to the bit at every row when parameter i is never read, so both estimators' sums are 0.
        unused.Should().OnlyContain(i => i.Estimate.Value == 0);
        indices.Single(i => i.Parameter.StartsWith("processes.application", StringComparison.Ordinal) && i.Index == "ST").Estimate.Value
            .Should().BePositive("the effort of every application moves every lead time");
    }

    [Fact]
    public async Task Morris_AParameterTheModelNeverReads_HasNoEffect()
    {
        var (experiment, outcome, _) = await RunAsync(Plan("morris", 4, "status-quo"), "morris");

        experiment.Points.Should().HaveCount(4 * (2 + 1), "r (k + 1) points");
        var unused = outcome.Result.Indices.Where(i => i.Parameter == "processes.unused.steps.permit.effort").ToList();
        unused.Should().HaveCount(2).And.OnlyContain(i => i.Estimate.Value == 0);
        outcome.Result.Indices.Single(i => i.Parameter.StartsWith("processes.application", StringComparison.Ordinal) && i.Index == "mu_star").Estimate.Value
            .Should().BePositive();
    }

    [Fact]
    public async Task HalfTheStaff_NeverBeatsTheStatusQuo_InAnyWorld()
    {
        var (experiment, outcome, _) = await RunAsync(Plan("sobol", 4, "status-quo", "half-staff"), "robust");

        // Two posts instead of three (3 x 0.5 rounded half away from zero) at 0.6-1.1 wd a file and 2.5 files a
        // day: with the same arrivals and efforts (common random numbers), a first-come-first-served queue with
        // fewer servers finishes no file earlier, so the mean lead time is never lower.
        var r = outcome.Result.Robustness.Should().ContainSingle().Subject;
        (r.Variant, r.Baseline, r.Metric.Key).Should().Be(("half-staff", "status-quo", "lead_time_mean"));
        (r.Share.Wins, r.Share.Points, r.Share.Undefined).Should().Be((0, experiment.Points.Count, 0));
        r.Share.Low.Should().Be(0);

        var difference = outcome.Result.Outputs.Single(o => o.Baseline is not null);
        difference.Values.Should().OnlyContain(d => d > 0, "at 83 % to 150 % load on two posts files queue at every point");
    }

    [Fact]
    public void APointsVariants_StartParallelismApart_SoOneReadsTheTextForBoth()
    {
        var experiment = SensitivityExperiment.Prepare(Plan("sobol", 2, "status-quo", "half-staff"), Scenario);
        var jobs = experiment.Cells.Take(6).Select(c => (c, 0)).ToList();

        // Three points of two variants, two at a time: points 0 and 1 first, each variant in turn, then point 2.
        ExperimentCell.InStartOrder(jobs, 2).Select(j => j.Item1.Id).Should().Equal(
            "p0.status-quo", "p1.status-quo", "p0.half-staff", "p1.half-staff", "p2.status-quo", "p2.half-staff");

        var ungrouped = jobs.Select(j => (new ExperimentCell(j.Item1.Id, j.Item1.Spec, 1), j.Item2)).ToList();
        ExperimentCell.InStartOrder(ungrouped, 2).Select(j => j.Item1.Id).Should().Equal(jobs.Select(j => j.Item1.Id), "cells without a group keep their order");
    }

    [Fact]
    public async Task EachPoint_RunsTheValuesOfItsDesignRow()
    {
        var (experiment, _, _) = await RunAsync(Plan("sobol", 2, "status-quo"), "values");

        foreach (var point in experiment.Points)
        {
            // uniform [0.6, 1.1]: the value at u is 0.6 + 0.5 u working days, set in the text and read back by the compiled model.
            var cell = experiment.Cells.Single(c => c.Id == SensitivityExperiment.CellId(point.Index, "status-quo"));
            var mean = cell.Model.Definition.Processes.Single(p => p.Id == "application").Steps[0].Effort.Mean;
            mean.Should().BeApproximately(0.6 + 0.5 * point.Unit[0], 1e-12);
            point.Values[0].Number.Should().BeApproximately(0.6 + 0.5 * point.Unit[0], 1e-12);
        }
    }

    [Fact]
    public async Task AResumedDesign_WritesTheSameFiles()
    {
        var plan = Plan("sobol", 4, "status-quo", "half-staff");
        var (experiment, outcome, store) = await RunAsync(plan, "whole");
        var context = ExperimentContext.For(experiment.Plan, experiment.Cells[0].Model, 1, null, "test");
        ExperimentOutput.WriteSensitivity(store, experiment, outcome, SensitivityReport.Build(context, experiment, outcome.Result));

        // The same design, interrupted: half of its replications are there, the rest computed on resume.
        var (_, _, partStore) = await RunAsync(plan, "part");
        var stored = System.IO.Directory.GetFiles(System.IO.Path.Combine(partStore.Directory, "replications"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in stored.Take(stored.Count / 2))
        {
            System.IO.File.Delete(file);
        }

        var (resumed, resumedOutcome, resumedStore) = await RunAsync(plan, "part");
        resumedOutcome.Computed.Should().Be(stored.Count / 2);
        ExperimentOutput.WriteSensitivity(resumedStore, resumed, resumedOutcome, SensitivityReport.Build(context, resumed, resumedOutcome.Result));
        foreach (var name in new[] { "design.csv", "runs.csv", "outputs.csv", "indices.csv", "robustness.csv" })
        {
            System.IO.File.ReadAllText(resumedStore.PathOf(name)).Should().Be(System.IO.File.ReadAllText(store.PathOf(name)), name);
        }
    }
}
