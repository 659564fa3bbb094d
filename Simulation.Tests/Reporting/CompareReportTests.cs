using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

public sealed class CompareReportTests
{
    private static readonly IReadOnlyList<ReportFile> Files = CompareReport.Build(ReportSamples.Context(), ReportSamples.Comparison());

    private static readonly string Html = ReportFiles.Html(Files);

    /// <summary>Columns of the headline table: metric, three variants, two differences to the baseline.</summary>
    private const int FasterDifference = 4;
    private const int OddDifference = 5;

    [Fact]
    public void HeadlineTable_HasARowPerMetric_WithItsLabelAndUnit()
    {
        var rows = ReportFiles.TableRows(Html, "headline");

        rows.Should().HaveCount(ReportSamples.Metrics.Count);
        rows.Should().AllSatisfy(r => r.Should().HaveCount(6));
        rows[0][0].Should().StartWith("Lead time, mean (Bearbeitungsdauer) (days)<span");
        rows[ReportSamples.MetricIndex("territorial_congruence")][0].Should().Contain("(%)<span");
    }

    [Fact]
    public void HeadlineTable_SaysForEachMetric_WhichWayIsBetter()
    {
        var rows = ReportFiles.TableRows(Html, "headline");

        rows[ReportSamples.MetricIndex("lead_time_mean")][0].Should().EndWith("<span class=\"direction\">lower is better</span>");
        rows[ReportSamples.MetricIndex("throughput_per_year")][0].Should().EndWith("<span class=\"direction\">higher is better</span>");
        // Deemed approvals: a step the law decided because its holder did not.
        rows[ReportSamples.MetricIndex("fiction_share")][0].Should().EndWith("<span class=\"direction\">lower is better</span>");
        rows.Should().AllSatisfy(r => r[0].Should().MatchRegex("<span class=\"direction\">(lower|higher) is better</span>$"));
    }

    [Fact]
    public void HeadlineTable_ShowsMeansWithIntervals_InvariantAndRounded()
    {
        var leadTime = ReportFiles.TableRows(Html, "headline")[0];

        // Baseline lead times 100, 103, ..., 112: mean 106, t(4) 2.776 × 4.743 / √5 = 5.89.
        leadTime[1].Should().Be("106.0 [100.1, 111.9]");
        ReportFiles.TableRows(Html, "headline")[ReportSamples.MetricIndex("territorial_congruence")][1].Should().Be("82.0 % [80.0, 84.0]");
    }

    [Fact]
    public void Differences_SignificantOnes_AreNamedBetterOrWorse_ByTheDirectionTheMetricShouldMove()
    {
        var rows = ReportFiles.TableRows(Html, "headline");

        rows[ReportSamples.MetricIndex("lead_time_mean")][FasterDifference].Should().StartWith("−20.0 [−20.0, −20.0]").And.Contain("<strong>better</strong>");
        rows[ReportSamples.MetricIndex("throughput_per_year")][FasterDifference].Should().StartWith("−5.0").And.Contain("<strong>worse</strong>");
        Html.Should().Contain("<td class=\"num worse\"");
    }

    [Fact]
    public void Differences_WhoseIntervalIncludesZero_AreNoClearDifference()
    {
        var cell = ReportFiles.TableRows(Html, "headline")[ReportSamples.MetricIndex("lead_time_mean")][OddDifference];

        cell.Should().StartWith("+0.4 [").And.Contain("<strong>no clear difference</strong>");
    }

    [Fact]
    public void UndefinedFigures_AreADash()
    {
        var rows = ReportFiles.TableRows(Html, "headline");

        rows[ReportSamples.MetricIndex("lapsed_consultation_share")].Skip(1).Should().AllBe("–");
        rows[ReportSamples.MetricIndex("fiction_share")].Skip(1).Should().AllBe("–");
    }

    [Fact]
    public void WithThreeVariants_TheDifferenceIntervalsAreBonferroniAdjusted()
    {
        Html.Should().Contain("[97.5 % interval]").And.Contain("Bonferroni");
    }

    [Fact]
    public void Figures_AreFiles_EmbeddedInThePage_AndValidSvg()
    {
        ReportFiles.ShouldBeWellFormed(Files);
        ReportFiles.Figures(Files).Select(f => f.Name).Should().Equal(
            "figures/differences.svg",
            "figures/lead-time-distribution.svg",
            "figures/utilisation-1-baseline.svg",
            "figures/utilisation-2-faster.svg",
            "figures/utilisation-3-odd.svg",
            "figures/critical-path.svg",
            "figures/deadlines.svg");
    }

    [Fact]
    public void Sections_ComeInTheOrderOfTheBrief()
    {
        string[] headings = ["How to read this report", "Variants", "Headline figures", "Differences to the baseline", "How long projects take",
            "Utilisation over time", "Bottlenecks", "Deadlines set by law"];

        headings.Select(h => Html.IndexOf($"<h2>{h}</h2>", StringComparison.Ordinal)).Should().BeInAscendingOrder().And.NotContain(-1);
    }

    [Fact]
    public void Facts_NameTheExperiment_WithoutTimestamps()
    {
        Html.Should().Contain("<h1>Rural district: comparison of reform variants</h1>")
            .And.Contain("<dd>0123456789ab</dd>")
            .And.Contain("<dd>42</dd>")
            .And.Contain("<dd>1,095 days</dd>")
            .And.Contain("within ±5.0 % of the baseline&#39;s mean: reached")
            .And.Contain("IsdnSim 0.1.0-test");
    }

    [Fact]
    public void Text_FromTheScenario_IsEscaped()
    {
        foreach (var file in Files)
        {
            file.Text.Should().NotContain(ReportSamples.OddName).And.NotContain("<everything>");
        }

        Html.Should().Contain("odd &lt;&amp;&gt;").And.Contain("Rename &lt;everything&gt; &amp; see");
        Files.Single(f => f.Name == "figures/differences.svg").Text.Should().Contain("odd &lt;&amp;&gt;");
    }

    [Fact]
    public void SameInput_GivesTheSameBytes()
    {
        var again = CompareReport.Build(ReportSamples.Context(), ReportSamples.Comparison());

        again.Select(f => f.Name).Should().Equal(Files.Select(f => f.Name));
        again.Select(f => f.Text).Should().Equal(Files.Select(f => f.Text));
    }

    [Fact]
    public void OneReplication_ShowsMeansWithoutIntervals_AndNoVerdict()
    {
        var result = ReportSamples.Comparison();
        var single = ComparisonResult.Compute(result.Metrics, [.. result.Cells.Select(c => c.Cell)], result.Baseline,
            result.Cells.ToDictionary(c => c.Cell, c => (IReadOnlyList<ReplicationDigest>)[SingleDigest(c)]));

        var files = CompareReport.Build(ReportSamples.Context(1), single);

        ReportFiles.ShouldBeWellFormed(files);
        var leadTime = ReportFiles.TableRows(ReportFiles.Html(files), "headline")[0];
        leadTime[1].Should().Be("106.0");
        leadTime[FasterDifference].Should().Contain("no interval (one replication)");
    }

    /// <summary>A replication with the cell's mean figures.</summary>
    private static ReplicationDigest SingleDigest(CellSummary c) =>
        new(c.Cell, 0, [.. c.Metrics.Select(m => m.Mean)], c.LeadTimePercentiles,
            [.. c.Agencies.Select(a => new AgencyFigures(a.Agent, a.Agency, a.Name, a.Organisation, a.Staff, a.IsCouncil,
                a.Utilisation.Mean, a.WaitingCaused.Mean, a.DeterminingShare.Mean, [.. a.YearUtilisation.Select(y => y.Mean)]))],
            [.. c.Deadlines.Select(d => new DeadlineFigures(d.Shock, d.ShockName, d.Group, d.Deadline, 40, 30, 5, 5))], 1);
}
