using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

/// <summary>
/// The compare report on a comparison made by hand: a lead time some replications have no value
/// of, a difference over fewer replications than its means, and a variant whose office is
/// unstable in three of four replications and whose land-use plans mostly do not finish.
/// </summary>
public sealed class ArrivalsAndMissingValuesReportTests
{
    private const int Replications = 4;

    private static readonly int Plan = ReportSamples.MetricIndex("lead_time_mean:plan");

    // Baseline: plans finish in replications 0 and 2 (300 and 320 days: n = 2, mean 310); the
    // variant's in 0 and 1 (280 and 290: n = 2, mean 285). Both only in replication 0: the
    // difference is 280 - 300 = -20 over one replication (no interval), not 285 - 310 = -25.
    private static readonly double[] BaselinePlan = [300, double.NaN, 320, double.NaN];
    private static readonly double[] FasterPlan = [280, 290, double.NaN, double.NaN];

    private static readonly string Html = ReportFiles.Html(CompareReport.Build(ReportSamples.Context(Replications), Comparison()));

    [Fact]
    public void AMeanOverFewerReplications_SaysOverHowMany()
    {
        var row = ReportFiles.TableRows(Html, "headline")[Plan];

        // t(1) = 12.706; half-widths 12.706 × 14.142 / √2 = 127.1 and 12.706 × 7.071 / √2 = 63.5.
        row[1].Should().Be("310.0 [182.9, 437.1]<br><span class=\"count\">n = 2 of 4</span>");
        row[2].Should().StartWith("285.0 [221.5, 348.5]<br><span class=\"count\">n = 2 of 4</span>");
        ReportFiles.TableRows(Html, "headline")[0][1].Should().NotContain("n =", "every replication has a mean lead time");
    }

    [Fact]
    public void ADifferenceOverFewerReplicationsThanItsMeans_IsMarked_AndItsMeansGiven()
    {
        var row = ReportFiles.TableRows(Html, "headline")[Plan];

        row[3].Should().StartWith("−20.0<br><strong>no interval (one replication)</strong><br><span class=\"count\">over 1 replication †</span>");
        Html.Should().Contain("Warning: not every replication has a value")
            .And.Contain("Lead time: Land-use plan: a value in 2 of 4 replications of Today&#39;s administration, 2 of 4 of Merged building authorities")
            .And.Contain("the mean over the rest is too low (optimistic)")
            .And.Contain("† Merged building authorities − Today&#39;s administration, Lead time: Land-use plan: over the 1 replication in which both have a value " +
                         "(there Today&#39;s administration 300.0, Merged building authorities 280.0), not over the 2 and 2 of the means beside it.");
    }

    [Fact]
    public void ArrivalsAgainstFinished_PerProcessAndVariant()
    {
        var rows = ReportFiles.TableRows(Html, "arrivals");

        // Per replication 10 permits and 2 plans arrive; the baseline finishes 9 and 1, the variant 6 and none.
        rows.Select(r => r[0]).Should().Equal("All processes", "Building permit", "Land-use plan");
        rows[0].Skip(1).Should().Equal("10.0 of 12.0 (83.3 %); 4 of 4", "6.0 of 12.0 (50.0 %); 4 of 4");
        rows[2].Skip(1).Should().Equal("1.0 of 2.0 (50.0 %); 2 of 4", "0.0 of 2.0 (0.0 %); 2 of 4");

        // None of 8 plans: the Wilson upper bound is 1.96² / (8 + 1.96²) = 0.32 < 0.5, mostly unfinished.
        Html.Should().Contain("<td class=\"num worse\">0.0 of 2.0 (0.0 %); 2 of 4</td>");
    }

    [Fact]
    public void AVariantUnstableInMostReplications_IsMarked_InTheHeaderAndOnItsLeadTimes()
    {
        Html.Should().Contain("<th>Merged building authorities (unstable in 3 of 4): mean [95 % interval]</th>")
            .And.Contain("<th>Today&#39;s administration: mean [95 % interval]</th>");
        var lead = ReportFiles.TableRows(Html, "headline")[0];
        lead[1].Should().NotContain("understated");
        lead[2].Should().EndWith("<span class=\"unstable\">understated (unstable)</span>");
        lead[3].Should().EndWith("<span class=\"unstable\">unstable queue</span>");
        ReportFiles.TableRows(Html, "headline")[ReportSamples.MetricIndex("throughput_per_year")][2].Should().NotContain("understated", "throughput is what it is");
        Html.IndexOf("Warning: unstable queues", StringComparison.Ordinal).Should().BeLessThan(Html.IndexOf("<table id=\"headline\">", StringComparison.Ordinal));

        // Saturation is judged on the staff present: the warning gives that utilisation beside the posts'.
        Html.Should().Contain("Office (Town), utilisation 90.0 % (99.0 % of the staff present): saturated or work in progress growing in 3 of 4 replications.");
    }

    private static ComparisonResult Comparison() => ComparisonResult.Compute(ReportSamples.Metrics, [ReportSamples.Baseline, ReportSamples.Faster], ReportSamples.Baseline,
        new Dictionary<string, IReadOnlyList<ReplicationDigest>>
        {
            [ReportSamples.Baseline] = Digests(ReportSamples.Baseline, BaselinePlan, r => [], [9, 1]),
            [ReportSamples.Faster] = Digests(ReportSamples.Faster, FasterPlan, r => r < 3 ? [0] : [], [6, 0]),
        });

    private static List<ReplicationDigest> Digests(string cell, double[] plan, Func<int, int[]> unstable, long[] finished) =>
        [.. Enumerable.Range(0, Replications).Select(r =>
        {
            var lead = 100 + r;
            double[] metrics = [lead, 2 * lead, 50, 12, 0.9, 0.2, 3, 0.8, 700, 4, double.NaN, double.NaN, lead, plan[r], 0.9, 0.5, 0.9];
            AgencyFigures[] agencies = [new("town", "office", "Office", "Town", 2, false, 0.9, 100, 1, [0.9])];
            return new ReplicationDigest(cell, r, metrics, [], agencies, [], 100, new StabilityDigest(unstable(r), [10, 2], finished, [0.99]));
        })];
}
