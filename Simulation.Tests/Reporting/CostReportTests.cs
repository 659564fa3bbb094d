using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

/// <summary>The cost section of the compare report: each variant's cost and lead time, and the frontier, in a table and a chart.</summary>
public sealed class CostReportTests
{
    private static readonly IReadOnlyList<MetricDefinition> Metrics =
    [
        new("lead_time_mean", "Lead time, mean", "days", Better.Lower),
        new(HeadlineMetrics.CostPerYear, "Cost per year, administration", "EUR per year", Better.Lower),
        new(HeadlineMetrics.CostPerFinishedProject, "Cost per finished project, administration", "EUR per project", Better.Lower),
        new("cost_per_year_companies", "Cost per year, companies and operators", "EUR per year", Better.Lower),
    ];

    /// <summary>
    /// baseline: 1,000,000 EUR a year, 50 days; cheap: 800,000, 70 days (cheaper, slower: on the frontier);
    /// dear: 1,200,000, 60 days (dearer and slower than the baseline: dominated). Lead times vary by ±1 day between replications.
    /// </summary>
    private static ComparisonResult Comparison()
    {
        static IReadOnlyList<ReplicationDigest> Cell(string cell, double cost, double lead) =>
        [
            .. Enumerable.Range(0, 4).Select(r => new ReplicationDigest(cell, r, [lead + (r % 2 == 0 ? 1 : -1), cost, cost / (20 + r), 50_000],
                [], [], [], 1000)),
        ];
        var digests = new Dictionary<string, IReadOnlyList<ReplicationDigest>>
        {
            ["baseline"] = Cell("baseline", 1_000_000, 50),
            ["cheap"] = Cell("cheap", 800_000, 70),
            ["dear"] = Cell("dear", 1_200_000, 60),
        };
        return ComparisonResult.Compute(Metrics, ["baseline", "cheap", "dear"], "baseline", digests);
    }

    private static readonly IReadOnlyList<ReportFile> Files = CompareReport.Build(ReportSamples.Context(4) with
    {
        Variants = [new("baseline", "Baseline", null, []), new("cheap", "Cheap", null, []), new("dear", "Dear", null, [])],
    }, Comparison());

    [Fact]
    public void CostTable_NamesTheFrontier_AndWhatDominatesTheRest()
    {
        var rows = ReportFiles.TableRows(ReportFiles.Html(Files), "costs");

        rows.Select(r => r[0]).Should().Equal("Baseline", "Cheap", "Dear");
        rows[0][1].Should().Be("1,000,000 [1,000,000, 1,000,000]", "the yearly cost is the same in every replication");
        rows[0][4].Should().StartWith("50.0 [");
        rows.Select(r => r[5]).Should().Equal("on the frontier", "on the frontier", "dominated by Baseline");
    }

    [Fact]
    public void CostChart_IsAFigure_WithAPointPerVariant()
    {
        var figure = ReportFiles.Figures(Files).Single(f => f.Name.Contains("cost-lead-time", StringComparison.Ordinal));

        ReportFiles.SvgTexts(figure).Should().Contain(["Baseline", "Cheap", "Dear"]);
        ReportFiles.ShouldBeWellFormed(Files);
    }

    [Fact]
    public void WithoutCosts_ThereIsNoCostSection()
    {
        ReportFiles.Html(CompareReport.Build(ReportSamples.Context(), ReportSamples.Comparison())).Should().NotContain("Cost and lead time");
    }
}
