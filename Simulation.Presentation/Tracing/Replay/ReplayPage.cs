using System.Text.RegularExpressions;
using IsdnSim.Presentation.Html;
using IsdnSim.Presentation.Labels;

namespace IsdnSim.Presentation.Tracing.Replay;

/// <summary>
/// The page of <c>isdnsim replay TRACE --html</c>: one project followed through the
/// administration on a timeline, the agencies' queues over time, and a time cursor to play the
/// run. The page is one file that works offline: its script and style are inlined from
/// Tracing/Replay/replay.js and replay.css, and the trace's data is embedded as compact JSON
/// (<see cref="ReplayData"/>). The same traces give the same bytes.
/// </summary>
public static class ReplayPage
{
    private static readonly Regex Placeholder = new(@"\{\{(title|css|js|data)\}\}", RegexOptions.CultureInvariant);

    private static readonly Lazy<(string Html, string Css, string Js)> Resources = new(() =>
    {
        var (html, css, js) = (Resource("replay.html"), Resource("replay.css"), Resource("replay.js"));
        if (js.Contains("</script", StringComparison.OrdinalIgnoreCase) || css.Contains("</style", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("replay.js or replay.css would close its element early in the page.");
        }

        return (html, css, js);
    });

    /// <summary>One self-contained page (inline CSS and JS, no network, works offline from file://).</summary>
    /// <param name="trace">The trace to replay.</param>
    /// <param name="other">A second trace of the same scenario (another variant) for side-by-side mode, or null.</param>
    public static string Build(TraceFile trace, TraceFile? other = null)
    {
        var traces = other is null ? new[] { trace } : [trace, other];
        var title = "Replay: " + trace.Info.Scenario + " (" + string.Join(" and ", traces.Select(t => DisplayNames.Variant(t.Info.Variant))) + ")";
        var values = new Dictionary<string, string>
        {
            ["title"] = HtmlText.Escape(title),
            ["css"] = Resources.Value.Css,
            ["js"] = Resources.Value.Js,
            ["data"] = ReplayData.ToJson(traces),
        };

        // One pass, so that text put in cannot be taken for a placeholder.
        return Placeholder.Replace(Resources.Value.Html, m => values[m.Groups[1].Value]);
    }

    private static string Resource(string name)
    {
        using var stream = typeof(ReplayPage).Assembly.GetManifestResourceStream("IsdnSim.Presentation.Tracing.Replay." + name)
            ?? throw new InvalidOperationException($"The resource {name} is not in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
