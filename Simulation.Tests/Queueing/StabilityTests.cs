using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Presentation.Output;
using IsdnSim.Presentation.Output.Summary;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Queueing;

/// <summary>
/// Unstable queues are flagged, stable ones are not, and the share of arrived projects finished
/// follows theory. An M/M/c queue with offered load rho = lambda / (c mu) above 1 keeps its c
/// servers busy from the first few arrivals on, so completions are a Poisson count of rate c mu
/// and the share of arrivals finished by the horizon T tends to c mu T / (lambda T) = 1 / rho.
/// </summary>
public sealed class StabilityTests
{
    private const int Servers = 3;
    private const double Mu = 1.0;

    private static string Scenario(double lambda, double horizon, int replications, string effort = "{ dist: exponential, mean: 1wd }") =>
        string.Create(CultureInfo.InvariantCulture, $$"""
        name: M/M/3 at {{lambda}} per day
        seed: 11
        start: 2025-01-01
        horizon: {{horizon}}d
        replications: {{replications}}
        calendar: { kind: continuous }
        agents:
          - id: town
            kind: municipality
            agencies: [{ id: desk, staff: {{Servers}}, roles: [service] }]
        processes:
          - id: request
            steps: [{ id: handle, role: service, effort: {{effort}} }]
        jurisdiction: { service: self }
        demand: [{ process: request, rate: {{lambda}}/day }]
        """);

    private static async Task<(IsdnSim.Kernel.Model.SimulationModel Model, ReplicationResult[] Results, RunSummary Summary)> RunAsync(string yaml)
    {
        var spec = Runs.Spec(Runs.Parse(yaml));
        var model = spec.Compile();
        var results = await Runs.RunAsync(new InProcessEngine(), spec);
        var summary = RunSummary.Build(model, [.. results.Select(r => ReplicationFigures.Compute(model, r))]);
        return (model, results, summary);
    }

    [Fact]
    public async Task StableQueue_AtRho09_IsNotFlagged()
    {
        // rho = 2.7 / 3 = 0.9. Utilisation estimates 0.9 to within a few thousandths over 5,000 days,
        // far from 0.98; the number in system is geometric-tailed (ratio 0.9, mean about 10), so a rise of
        // hundreds, as the growth bound needs, has a probability below 1e-20. The share unfinished is
        // N(T) / A with A about 13,500: below 1 % unless N(T) > 135, probability about 0.9^125 < 1e-5.
        var (_, results, summary) = await RunAsync(Scenario(2.7, 5_000, 5));

        results.Should().AllSatisfy(r => AgencyStability.Of(r.Agencies[0], intakeWindow: false).Unstable.Should().BeFalse());
        RunStability.IsStable(summary).Should().BeTrue();
        summary.Unstable.Should().BeEmpty();
        summary.Overall.FinishedShare.Mean.Should().BeGreaterThan(0.99);
    }

    [Theory]
    [InlineData(4.5)] // rho = 1.5
    [InlineData(30.0)] // rho = 10
    public async Task OverloadedQueue_IsFlagged_AndFinishesAbout1OverRho(double lambda)
    {
        const double horizon = 2_000;
        var rho = lambda / (Servers * Mu);
        var (model, results, summary) = await RunAsync(Scenario(lambda, horizon, 5));

        // Completions D ~ Poisson(c mu T) and arrivals A ~ Poisson(lambda T), nearly independent, so
        // D / A has relative standard deviation sqrt(1 / (c mu T) + 1 / (lambda T)). The servers are
        // idle only until the first c arrivals (about c / lambda days), a relative loss of c / (lambda T)
        // at most. Five standard deviations plus that: a correct kernel fails about once in 10^6.
        var sd = (1 / rho) * Math.Sqrt((1 / (Servers * Mu * horizon)) + (1 / (lambda * horizon)));
        var tolerance = (5 * sd) + (Servers / (lambda * horizon));
        foreach (var r in results)
        {
            var f = ReplicationFigures.Compute(model, r).Overall;
            f.FinishedShare.Should().BeInRange((1 / rho) - tolerance, (1 / rho) + tolerance);
            f.UnfinishedAtHorizon.Should().Be(f.Arrived - f.ArrivedAndFinished, "without a warm-up every project arrives in the observation period");

            // Busy all the time with a queue of about (lambda - c mu) T; the rise (1 - 1 / rho) A is twice
            // the mean work in progress and far above sqrt(A + D).
            var verdict = AgencyStability.Of(r.Agencies[0], intakeWindow: false);
            verdict.Saturated.Should().BeTrue();
            verdict.Growing.Should().BeTrue();
        }

        RunStability.IsStable(summary).Should().BeFalse();
        summary.Unstable.Should().ContainSingle().Which.UnstableIn.Should().Be(5);
        RunStability.IsMostlyUnfinished(summary.Overall).Should().Be(1 / rho < RunStability.MostlyUnfinishedBelow);
    }

    [Fact]
    public async Task CriticalQueue_AtRho1_IsFlagged_OnTheDefaultHorizonOfMmc()
    {
        // At rho = 1 the queue is null recurrent: it does not grow linearly (the rise is of order sqrt(T)),
        // but the servers are idle only a vanishing share of the time, of order 1 / sqrt(lambda T), here
        // about 0.4 %: utilisation above 0.98 with a queue waiting, in practically every replication.
        var (_, _, summary) = await RunAsync(Scenario(3.0, 20_000, 5));

        summary.Unstable.Should().ContainSingle().Which.SaturatedIn.Should().BeGreaterThanOrEqualTo(1);
        RunStability.IsStable(summary).Should().BeFalse();
    }

    [Fact]
    public async Task EffortsLongerThanTheHorizon_FinishNothing_AndAreFlagged()
    {
        // Every request takes 10,000 working days; within a year not one can finish.
        var (_, results, summary) = await RunAsync(Scenario(1.0, 365, 3, "{ dist: constant, value: 10000wd }"));

        summary.Overall.FinishedShare.Mean.Should().Be(0);
        summary.Overall.Finished.Mean.Should().Be(0);
        summary.Overall.Unfinished.Mean.Should().Be(summary.Overall.Arrived.Mean);
        RunStability.IsMostlyUnfinished(summary.Overall).Should().BeTrue();
        RunStability.MostlyUnfinished(summary).Should().ContainSingle();
        results.Should().AllSatisfy(r => AgencyStability.Of(r.Agencies[0], intakeWindow: false).Saturated.Should().BeTrue());
        RunStability.IsStable(summary).Should().BeFalse();
    }

    [Fact]
    public async Task SummaryJson_CarriesTheFlags_AndTheShareFinished()
    {
        using var dir = new TempDirectory();
        var (model, _, summary) = await RunAsync(Scenario(30.0, 500, 2));
        var path = dir.File("summary.json");
        ResultWriter.WriteSummary(path, model, summary);

        var read = RunSummaryFile.Read(path);
        read.Stability.Stable.Should().BeFalse();
        var agency = read.Stability.UnstableAgencies.Should().ContainSingle().Subject;
        (agency.Agency, agency.SaturatedReplications, agency.GrowingReplications).Should().Be(("desk", 2, 2));
        read.Stability.MostlyUnfinishedProcesses.Should().ContainSingle().Which.Id.Should().Be("request");

        read.Headline.FinishedShareOfArrived.Mean.Should().BeApproximately(0.1, 0.02, "rho = 10 finishes about a tenth of the arrivals");
        read.Processes[0].Figures.ProjectsUnfinishedAtHorizon.Mean.Should().BeGreaterThan(0);
        read.Stability.UnstableAgencyCount.Should().Be(1);

        // Every agency's counts are in agencies_summary.csv, which the summary points to.
        read.Bottlenecks.AllAgencies.Should().Be("agencies_summary.csv");
        ResultWriter.WriteAgenciesSummary(dir.File(read.Bottlenecks.AllAgencies), summary);
        var desk = ResultWriter.AgenciesSummary.Read(dir.File(read.Bottlenecks.AllAgencies)).Single();
        (desk["agency"], desk.Long("saturated_replications"), desk.Long("growing_replications"), desk.Long("rank_by_utilisation")).Should().Be(("desk", 2, 2, 1));
    }

    [Fact]
    public void Growth_IsNotJudged_AtAnAgencyWithAnIntakeWindow()
    {
        // A year's applications held for the window: a rise of 400 against a mean of 200 and sqrt(A + D) = 63.
        var held = new IsdnSim.Kernel.Agents.AgencyStatistics(0, 0, 6, Utilisation: 0.5, MeanQueueLength: 200, MeanWait: 180, Arrived: 2200, Started: 1800,
            Done: 1800, WaitingCaused: 0, InQueueAtEnd: 400, InServiceAtEnd: 0, YearUtilisation: [], YearWaitingCaused: []);

        AgencyStability.Of(held, intakeWindow: false).Growing.Should().BeTrue("400 > 200 + 3 + 2 sqrt(4000) = 329");
        AgencyStability.Of(held, intakeWindow: true).Unstable.Should().BeFalse();
        AgencyStability.Of(held with { Utilisation = 0.99 }, intakeWindow: true).Saturated.Should().BeTrue("saturation is judged all the same");
    }

    [Fact]
    public void WilsonUpperBound_MatchesKnownValues()
    {
        // 0 of n: (z^2 / n) / (1 + z^2 / n) exactly; 0 of 11 is 0.2588.
        var z2 = Proportion.Z95 * Proportion.Z95;
        Proportion.WilsonUpper(0, 11).Should().BeApproximately(z2 / 11 / (1 + (z2 / 11)), 1e-12);
        Proportion.WilsonUpper(5, 10).Should().BeApproximately(0.7634, 1e-4);
        Proportion.WilsonUpper(10, 10).Should().BeApproximately(1, 1e-12);
    }
}
