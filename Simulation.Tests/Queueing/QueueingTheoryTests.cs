using System.Globalization;
using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Tests.Support;
using MathNet.Numerics.Distributions;

namespace IsdnSim.Tests.Queueing;

/// <summary>
/// The kernel against queueing theory. Each check runs ten independent replications of a long
/// horizon and accepts the simulated mean when it lies within t(0.9995, 9) standard errors of
/// the theoretical value, plus the bias an empty start can cause: of the order of the relaxation
/// time 1 / (c mu (1 - sqrt rho)^2) over the horizon. A correct kernel fails this one time in
/// 1,000; a wrong one (a missed server, a biased sampler) fails it always. The standard error
/// itself must be small, so a wildly noisy kernel cannot pass by a wide interval.
/// </summary>
public sealed class QueueingTheoryTests
{
    private const int Replications = 10;
    private const double Horizon = 100_000;

    public static string Scenario(int c, double lambda, double meanService) => string.Create(CultureInfo.InvariantCulture, $$"""
        name: M/M/{{c}}
        seed: 7
        start: 2025-01-01
        horizon: {{Horizon}}d
        replications: {{Replications}}
        calendar: { kind: continuous }
        agents:
          - id: town
            kind: municipality
            agencies: [{ id: desk, staff: {{c}}, roles: [service] }]
        processes:
          - id: request
            steps: [{ id: handle, role: service, effort: { dist: exponential, mean: {{meanService}}wd } }]
        jurisdiction: { service: self }
        demand: [{ process: request, rate: {{lambda}}/day }]
        """);

    [Theory]
    [InlineData(1, 0.8)]
    [InlineData(3, 2.7)]
    public async Task MeanWait_MatchesErlangC(int c, double lambda)
    {
        var results = await RunAsync(c, lambda);
        var waits = results.Select(r => r.Agencies[0].MeanWait).ToArray();
        var expected = ErlangC.MeanWait(c, lambda, 1.0);

        AssertWithinTheory(waits, expected, c, lambda / c);
    }

    [Theory]
    [InlineData(1, 0.8)]
    [InlineData(3, 2.7)]
    public async Task Utilisation_EqualsOfferedLoadPerServer(int c, double lambda)
    {
        var results = await RunAsync(c, lambda);
        var utilisation = results.Select(r => r.Agencies[0].Utilisation).ToArray();

        AssertWithinTheory(utilisation, lambda / c, c, lambda / c);
    }

    [Fact]
    public async Task LittlesLaw_HoldsInTheReportedFigures_ForMM3()
    {
        var spec = Runs.Spec(Runs.Parse(Scenario(3, 2.7, 1.0)));
        var model = spec.Compile();
        var results = await Runs.RunAsync(new InProcessEngine(), spec);

        foreach (var r in results)
        {
            // Projects: WIP = throughput x lead time. The two sides differ only by the projects
            // still in the system at the horizon (a few dozen against about 270,000), so 1 % is ample.
            var f = ReplicationFigures.Compute(model, r).Overall;
            f.LittleProduct.Should().BeApproximately(f.WipMean, 0.01 * f.WipMean);

            // Queue of the agency: Lq = lambda Wq, with lambda the rate of items entering service.
            var a = r.Agencies[0];
            var lambdaServed = a.Started / Horizon;
            (lambdaServed * a.MeanWait).Should().BeApproximately(a.MeanQueueLength, 0.01 * a.MeanQueueLength);
        }
    }

    [Fact]
    public async Task MeanLeadTime_IsWaitPlusService_ForMM3()
    {
        var spec = Runs.Spec(Runs.Parse(Scenario(3, 2.7, 1.0)));
        var model = spec.Compile();
        var results = await Runs.RunAsync(new InProcessEngine(), spec);
        var leadTimes = results.Select(r => ReplicationFigures.Compute(model, r).Overall.LeadTimeMean).ToArray();

        AssertWithinTheory(leadTimes, ErlangC.MeanWait(3, 2.7, 1.0) + 1.0, 3, 0.9);
    }

    private static async Task<ReplicationResult[]> RunAsync(int c, double lambda) =>
        await Runs.RunAsync(new InProcessEngine(), Runs.Spec(Runs.Parse(Scenario(c, lambda, 1.0))));

    private static void AssertWithinTheory(double[] samples, double expected, int c, double rho)
    {
        var mean = samples.Average();
        var sd = Math.Sqrt(samples.Sum(x => (x - mean) * (x - mean)) / (samples.Length - 1));
        var standardError = sd / Math.Sqrt(samples.Length);
        var t = StudentT.InvCDF(0, 1, samples.Length - 1, 0.9995);
        var relaxation = 1 / (c * (1 - Math.Sqrt(rho)) * (1 - Math.Sqrt(rho)));
        var bias = Math.Abs(expected) * relaxation / Horizon;

        standardError.Should().BeLessThan(0.05 * expected, "ten long replications must estimate the mean to a few per cent");
        mean.Should().BeApproximately(expected, t * standardError + bias,
            $"theory says {expected:0.0000}; the replications give {mean:0.0000} with standard error {standardError:0.0000}");
    }

    [Fact]
    public void ErlangC_AgreesWithErlangBRecursion()
    {
        // The test's own formula, checked against a second, independent one:
        // B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), C = B / (1 - rho (1 - B)).
        foreach (var (c, a) in new[] { (1, 0.8), (3, 2.7), (5, 4.0), (17, 14.0) })
        {
            var b = 1.0;
            for (var k = 1; k <= c; k++)
            {
                b = a * b / (k + a * b);
            }

            var rho = a / c;
            ErlangC.WaitProbability(c, a, 1.0).Should().BeApproximately(b / (1 - rho * (1 - b)), 1e-12);
        }

        ErlangC.MeanWait(1, 0.8, 1.0).Should().BeApproximately(4.0, 1e-12, "M/M/1: Wq = rho / (mu - lambda)");
    }
}
