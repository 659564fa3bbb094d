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
}
