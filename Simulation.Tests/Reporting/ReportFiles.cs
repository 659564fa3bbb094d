using System.Text.RegularExpressions;
using System.Xml.Linq;
using IsdnSim.Presentation.Reporting;

namespace IsdnSim.Tests.Reporting;

/// <summary>Reading a report back: its page, its figures, its tables' cells.</summary>
public static partial class ReportFiles
{
    public static string Html(IReadOnlyList<ReportFile> files) => files.Single(f => f.Name == "report.html").Text;

    public static List<ReportFile> Figures(IReadOnlyList<ReportFile> files) => [.. files.Where(f => f.Name.StartsWith("figures/", StringComparison.Ordinal))];

    /// <summary>
    /// The cells of each body row of the table with the given id, as HTML without the line break
    /// and span that only move an interval below its mean ("106.0 [100.1, 111.9]" as the reader reads it).
    /// </summary>
    public static List<List<string>> TableRows(string html, string id)
    {
        html = IntervalSpan().Replace(html, " $1");
        var start = html.IndexOf($"<table id=\"{id}\">", StringComparison.Ordinal);
        start.Should().BeGreaterThanOrEqualTo(0, $"the page has a table {id}");
        var body = html[html.IndexOf("<tbody>", start, StringComparison.Ordinal)..html.IndexOf("</tbody>", start, StringComparison.Ordinal)];
        return [.. Row().Matches(body).Select(r => Cell().Matches(r.Groups[1].Value).Select(c => c.Groups[1].Value).ToList())];
    }

    /// <summary>What every report must be: one figure file per plot, each also in the page, valid SVG, and no undefined number anywhere.</summary>
    public static void ShouldBeWellFormed(IReadOnlyList<ReportFile> files)
    {
        var html = Html(files);
        var figures = Figures(files);
        figures.Should().NotBeEmpty();
        Regex.Count(html, "<svg ").Should().Be(figures.Count, "every plot in the page is also a file");
        foreach (var file in files)
        {
            file.Text.Should().NotContainAny(["NaN", "Infinity", "∞"], $"{file.Name} shows undefined figures as a dash");
            file.Text.Should().NotContain("\r", $"{file.Name} has the same line ends on every platform");
        }

        foreach (var figure in figures)
        {
            figure.Name.Should().MatchRegex(@"^figures/[a-z0-9-]+\.svg$");
            html.Should().Contain(figure.Text.TrimEnd('\n'), $"{figure.Name} is embedded as is");
            var svg = XDocument.Parse(figure.Text).Root!;
            svg.Name.Should().Be(XName.Get("svg", "http://www.w3.org/2000/svg"));
            svg.Attribute("viewBox")!.Value.Should().MatchRegex(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$");
            svg.Attribute("width").Should().NotBeNull();
            svg.Attribute("height").Should().NotBeNull();
            svg.Attribute("role")!.Value.Should().Be("img");
            svg.Attribute("aria-label")!.Value.Should().NotBeNullOrWhiteSpace();
        }
    }

    /// <summary>The text of each text element of a figure, without the tooltip inside it.</summary>
    public static List<string> SvgTexts(ReportFile figure) =>
        [.. XDocument.Parse(figure.Text).Descendants(XName.Get("text", "http://www.w3.org/2000/svg")).Select(t => string.Concat(t.Nodes().OfType<XText>().Select(x => x.Value)))];

    [GeneratedRegex("<br><span class=\"ci\">([^<]*)</span>")]
    private static partial Regex IntervalSpan();

    [GeneratedRegex("<tr>(.*?)</tr>")]
    private static partial Regex Row();

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex Cell();
}
