using System.Text.RegularExpressions;
using IsdnSim.Presentation.Reporting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Reporting;

/// <summary>The report as a reader sees it: opened from disk in headless Chromium, every plot drawn, no script errors.</summary>
public sealed class BrowserRenderTests
{
    [ChromiumFact]
    public async Task CompareReport_RendersEveryPlot_WithoutErrors()
    {
        using var folder = new TempDirectory();
        var files = CompareReport.Build(ReportSamples.Context(), ReportSamples.Comparison());
        foreach (var file in files)
        {
            var path = folder.File(file.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file.Text);
        }

        var (dom, stderr) = await Chromium.DumpDomAsync(folder.File("report.html"));

        var plots = ReportFiles.Figures(files).Count;
        var body = Regex.Match(dom, "<body[^>]*>").Value;
        body.Should().Contain($"data-rendered=\"{plots}\"", $"all {plots} plots have a size on the page; chromium said: {stderr}");
        var errors = Regex.Match(body, "data-errors=\"(\\d+)\"");
        (errors.Success ? errors.Groups[1].Value : "0").Should().Be("0", $"the page has no script errors; chromium said: {stderr}");
        dom.Should().Contain("<table id=\"headline\">");
    }

    /// <summary>
    /// At 1,280 px every column of every table is on screen, no chart text is cut, overlaps
    /// another or reads like another label: for the small sample, and for a comparison shaped
    /// like the rural district's (four variants with long names, an outlier, agencies that differ
    /// only by their organisation, a law group nobody is obliged in), and a sweep's report.
    /// </summary>
    [ChromiumFact]
    public async Task Reports_At1280Px_HaveNoOverflow_AndNoCollidingLabels()
    {
        foreach (var (name, files) in Reports())
        {
            var (width, problems) = await LayoutAsync(files, 1280, print: false);

            width.Should().Be(1280, "the window is as wide as asked");
            problems.Should().BeEmpty($"the {name} report reads well at 1,280 px; all that is wrong: {string.Join("; ", problems)}");
        }
    }

    /// <summary>The same in print on A4: the print rules applied, at the width of the printed page's text.</summary>
    [ChromiumFact]
    public async Task Reports_PrintedOnA4_HaveNoOverflow_AndNoCollidingLabels()
    {
        foreach (var (name, files) in Reports())
        {
            var (width, problems) = await LayoutAsync(files, LayoutProbe.PrintWidth, print: true);

            width.Should().Be(LayoutProbe.PrintWidth);
            problems.Should().BeEmpty($"the {name} report prints on A4 without losing a column; all that is wrong: {string.Join("; ", problems)}");
        }
    }

    /// <summary>The probe finds what it is for: the old layout (a headline table that could not shrink) overflows at 1,280 px.</summary>
    [ChromiumFact]
    public async Task LayoutProbe_FindsAnOverflowingTable()
    {
        var files = CompareReport.Build(WideReportSample.Context(), WideReportSample.Comparison());
        var html = ReportFiles.Html(files).Replace("<style>", "<style>\ntd, th { white-space: nowrap; }", StringComparison.Ordinal);

        var (_, problems) = await LayoutAsync([new ReportFile("report.html", html), .. ReportFiles.Figures(files)], 1280, print: false);

        problems.Should().Contain(p => p.StartsWith("table headline", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Name, IReadOnlyList<ReportFile> Files)> Reports() =>
    [
        ("sample", CompareReport.Build(ReportSamples.Context(), ReportSamples.Comparison())),
        ("wide", CompareReport.Build(WideReportSample.Context(), WideReportSample.Comparison())),
        ("sweep", SweepReport.Build(ReportSamples.Context(), ReportSamples.Sweep())),
    ];

    private static async Task<(int Width, IReadOnlyList<string> Problems)> LayoutAsync(IReadOnlyList<ReportFile> files, int width, bool print)
    {
        using var folder = new TempDirectory();
        foreach (var file in files)
        {
            var path = folder.File(file.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, file.Name == "report.html" ? LayoutProbe.Inject(file.Text, print) : file.Text);
        }

        var (dom, stderr) = await Chromium.DumpDomAsync(folder.File("report.html"), width);
        dom.Should().Contain("data-layout=", $"the probe ran; chromium said: {stderr}");
        return LayoutProbe.Read(dom);
    }
}
