using System.Xml.Linq;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

/// <summary>The horizontal bar chart: labels wrapped in full, empty rows named instead of drawn, outliers cut with a mark.</summary>
public sealed class BarChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void LongLabels_AreWrapped_NotCut()
    {
        string[] labels = ["Untere Bauaufsichtsbehörde (building authority) — Landkreis Havelheide-Oderbruch", "Untere Bauaufsichtsbehörde (building authority) — Stadt Havelheide"];

        var svg = Parse(SvgChart.Bars("t", new ChartAxis("Share", " %"), ["one"], [.. labels.Select(l => new BarGroup(l, [Bar(10)]))]));

        Labels(svg).Should().Equal(labels);
        svg.Descendants(Svg + "text").Should().NotContain(t => t.Value.Contains('…'));
    }

    [Fact]
    public void GroupWithoutAnyValue_IsLeftOut_AndNamedBelowTheChart()
    {
        var svg = Parse(SvgChart.Bars("t", new ChartAxis("Share", " %"), ["a", "b"],
            [new BarGroup("obliged", [Bar(90), Bar(80)]), new BarGroup("nobody obliged", [null, null])]));

        Labels(svg).Should().Equal("obliged", "No value in any series, left out: nobody obliged.");
    }

    [Fact]
    public void FarOutlier_IsCutAtTheEndOfTheAxis_WithItsValueBesideIt_AndTheChartSaysSo()
    {
        // With their whiskers (±1) the bars reach 401, 21, 16, 13, 11, 9, 6, 4: the longest is 19 times the next, and one bar
        // of eight is at most a quarter, so the axis ends at the next one's reach: −13 to 21, widened to round ticks of
        // 10 (8.5 rounded up to a nice step): −20 to 30.
        double[] values = [400, 20, 15, -12, 10, 8, 5, 3];
        var groups = values.Select((v, i) => new BarGroup($"metric {i}", [Bar(v)])).ToList();

        var cut = Parse(SvgChart.Bars("t", new ChartAxis("Difference", " %") { CutOutliers = true }, ["one"], groups));
        var whole = Parse(SvgChart.Bars("t", new ChartAxis("Difference", " %"), ["one"], groups));

        Ticks(cut).Should().Equal("−20 %", "−10 %", "0 %", "10 %", "20 %", "30 %");
        Texts(cut).Should().Contain("+400.0 %", "the note gives the full value");
        Labels(cut).Should().Contain(l => l.StartsWith("Bar cut at the end of the axis", StringComparison.Ordinal));
        Ticks(whole).Should().Contain("400 %");
        Labels(whole).Should().NotContain(l => l.StartsWith("Bar cut", StringComparison.Ordinal));
    }

    [Fact]
    public void BarsOfOneMagnitude_AreNotCut()
    {
        // 31 is less than 2.5 times 21 (reaches with the whiskers): no outlier, the axis runs from −13 to 31 in steps of 10.
        double[] values = [30, 20, 15, -12, 10, 8, 5, 3];

        var svg = Parse(SvgChart.Bars("t", new ChartAxis("Difference", " %") { CutOutliers = true }, ["one"],
            [.. values.Select((v, i) => new BarGroup($"metric {i}", [Bar(v)]))]));

        Ticks(svg).Should().Equal("−20 %", "−10 %", "0 %", "10 %", "20 %", "30 %", "40 %");
        Labels(svg).Should().NotContain(l => l.StartsWith("Bar cut", StringComparison.Ordinal));
    }

    private static BarValue Bar(double value) => new(value, value - 1, value + 1, ReportFormat.Signed(value, 1) + " %");

    private static XElement Parse(string svg) => XElement.Parse(svg);

    /// <summary>Each label's lines joined: the text a reader reads.</summary>
    private static List<string> Labels(XElement svg) =>
        [.. svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "label").Select(g => string.Join(" ", g.Elements(Svg + "text").Select(Text)))];

    private static List<string> Texts(XElement svg) => [.. svg.Descendants(Svg + "text").Select(Text)];

    /// <summary>The tick labels of the value axis, centred under their grid lines.</summary>
    private static List<string> Ticks(XElement svg) =>
        [.. svg.Descendants(Svg + "text").Where(t => (string?)t.Attribute("text-anchor") == "middle" && t.Value.EndsWith(" %", StringComparison.Ordinal)).Select(Text)];

    private static string Text(XElement text) => string.Concat(text.Nodes().OfType<XText>().Select(x => x.Value));
}
