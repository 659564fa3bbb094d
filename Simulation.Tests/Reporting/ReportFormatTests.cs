using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

/// <summary>Intervals as the report shows them: within the values the figure can take.</summary>
public sealed class ReportFormatTests
{
    /// <summary>0, 8, 0, 8, 4: mean 4, standard deviation 4, t(4) 2.776 × 4 / √5 = 4.97, so the t interval is [−0.97, 8.97].</summary>
    private static readonly Estimate Count = Estimate.Of([0, 8, 0, 8, 4]);

    /// <summary>1, 1, 1, 0.9, 1: mean 0.98, standard deviation 0.0447, half-width 2.776 × 0.0447 / √5 = 0.0555: [0.9245, 1.0355].</summary>
    private static readonly Estimate Share = Estimate.Of([1, 1, 1, 0.9, 1]);

    [Fact]
    public void CountInterval_IsCutAtZero()
    {
        Count.Low.Should().BeApproximately(-0.97, 0.01, "the t interval itself reaches below zero");

        ReportFormat.CountEstimate(Count).Should().Be("4 [0, 9]");
    }

    [Fact]
    public void ShareInterval_IsCutAt100Percent()
    {
        ReportFormat.PercentEstimate(Share).Should().Be("98.0 % [92.4, 100.0]");
        ReportFormat.Estimate(new MetricDefinition("s", "Share", "share", Better.Higher), Share).Should().Be("98.0 % [92.4, 100.0]");
    }

    [Fact]
    public void MetricInterval_IsCutAtZero_ButADifferenceIsNot()
    {
        var projects = new MetricDefinition("wip_mean", "Projects in progress", "projects", Better.Lower);

        ReportFormat.Estimate(projects, Count).Should().Be("4.0 [0.0, 9.0]");
        ReportFormat.Difference(projects, Count).Should().Be("+4.0 [−1.0, 9.0]", "a difference can be negative");
    }

    [Fact]
    public void Direction_IsSaidInWords()
    {
        ReportFormat.Direction(new MetricDefinition("fiction_share", "Fictions", "share", Better.Lower)).Should().Be("lower is better");
        ReportFormat.Direction(new MetricDefinition("throughput_per_year", "Finished", "per year", Better.Higher)).Should().Be("higher is better");
    }
}
