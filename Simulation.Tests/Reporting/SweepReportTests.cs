using System.Xml.Linq;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

public sealed class SweepReportTests
{
    private static readonly IReadOnlyList<ReportFile> Files = SweepReport.Build(ReportSamples.Context() with { Variants = [] }, ReportSamples.Sweep());

    private static readonly string Html = ReportFiles.Html(Files);

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void PointsTable_HasARowPerPoint_WithItsParameterValues()
    {
        var rows = ReportFiles.TableRows(Html, "points");

        rows.Should().HaveCount(6);
        rows[0].Take(3).Should().Equal("p0", "10wd", "1");
        rows[5].Take(3).Should().Equal("p5", "40wd", "2");
        rows[5][3].Should().Be("131.0 [125.1, 136.9]", "point 5 is the baseline's lead times shifted by 25 days");
    }

    [Fact]
    public void Charts_TheFirstSevenMetrics_AndEachProcesssLeadTime()
    {
        ReportFiles.ShouldBeWellFormed(Files);

        ReportFiles.Figures(Files).Select(f => f.Name).Should().Equal(
            "figures/sweep-1-lead-time-mean.svg",
            "figures/sweep-2-lead-time-p90.svg",
            "figures/sweep-3-throughput-per-year.svg",
            "figures/sweep-4-wip-mean.svg",
            "figures/sweep-5-finished-share.svg",
            "figures/sweep-6-returns-per-project.svg",
            "figures/sweep-7-handoffs-per-project.svg",
            "figures/sweep-13-lead-time-mean-permit.svg",
            "figures/sweep-14-lead-time-mean-plan.svg");
    }

    [Fact]
    public void NumbersWithAUnit_AreANumericAxis_WithALinePerCombinationOfTheOtherParameters()
    {
        var figure = Files.Single(f => f.Name == "figures/sweep-1-lead-time-mean.svg");
        var chart = XDocument.Parse(figure.Text).Root!;
        var texts = ReportFiles.SvgTexts(figure);

        texts.Should().Contain("rules.deadline (wd)").And.Contain("demand.scale = 1").And.Contain("demand.scale = 2");
        texts.Should().Contain(["10", "20", "30", "40"], "ticks of a numeric axis fall between the values too");
        chart.Descendants(Svg + "polyline").Should().HaveCount(2);
        chart.Descendants(Svg + "circle").Should().HaveCount(6);
    }

    [Fact]
    public void Names_AreCategories_InTheGivenOrder()
    {
        var files = SweepReport.Build(ReportSamples.Context(), ReportSamples.Sweep("small", "large & <odd>", "medium"));

        ReportFiles.ShouldBeWellFormed(files);
        ReportFiles.SvgTexts(files.Single(f => f.Name == "figures/sweep-1-lead-time-mean.svg")).Should().ContainInOrder("small", "large & <odd>", "medium");
    }

    [Fact]
    public void SameInput_GivesTheSameBytes()
    {
        var again = SweepReport.Build(ReportSamples.Context() with { Variants = [] }, ReportSamples.Sweep());

        again.Select(f => f.Text).Should().Equal(Files.Select(f => f.Text));
    }
}
