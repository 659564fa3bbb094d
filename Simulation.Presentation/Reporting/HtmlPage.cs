using System.Text;
using IsdnSim.Presentation.Html;

namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// A self-contained HTML page written top to bottom: headings, text, tables and figures, with
/// its style inline and every figure kept also as its own SVG file. Text is escaped on the way
/// in; lines end in '\n' on every platform, so the same report is the same bytes everywhere.
/// </summary>
internal sealed class HtmlPage
{
    public const string FileName = "report.html";

    private const string Style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; line-height: 1.45; max-width: 68rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.1rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.9rem; }
        th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.better { background: #e1f3ec; } td.better strong { color: #00664a; }
        td.worse { background: #fbe4d8; } td.worse strong { color: #a33f00; }
        td.same strong { color: #555; font-weight: normal; }
        td .count { font-size: 0.8rem; color: #555; } td .unstable { font-size: 0.8rem; color: #a33f00; font-weight: bold; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
        dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
        figure { margin: 1rem 0 2rem; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.9rem; color: #444; max-width: 48rem; }
        .scroll { overflow-x: auto; }
        footer { margin-top: 3rem; font-size: 0.85rem; color: #666; }
        @media print { body { margin: 0; max-width: none; } .scroll { overflow: visible; } h2, h3 { break-after: avoid; } }
        """;

    /// <summary>
    /// Tells a browser test the page rendered: how many figures have a size on screen, and how
    /// many script errors happened.
    /// </summary>
    private const string RenderCheck = """
        <script>
        (function () {
          var errors = 0;
          function fail() { errors++; document.body.dataset.errors = String(errors); }
          window.onerror = fail;
          try {
            var rendered = 0;
            document.querySelectorAll('svg').forEach(function (svg) {
              var box = svg.getBoundingClientRect();
              if (box.width > 0 && box.height > 0) { rendered++; }
            });
            document.body.dataset.rendered = String(rendered);
          } catch (e) { fail(); }
        })();
        </script>
        """;

    private readonly StringBuilder _html = new();
    private readonly List<ReportFile> _figures = [];

    public HtmlPage(string title)
    {
        Line("<!DOCTYPE html>");
        Line("<html lang=\"en\">");
        Line("<head>");
        Line("<meta charset=\"utf-8\">");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line($"<title>{HtmlText.Escape(title)}</title>");
        Line("<style>");
        Line(Style);
        Line("</style>");
        Line("</head>");
        Line("<body>");
        Line($"<h1>{HtmlText.Escape(title)}</h1>");
    }

    public HtmlPage Heading(int level, string text) => Line($"<h{level}>{HtmlText.Escape(text)}</h{level}>");

    public HtmlPage Paragraph(string text) => Line($"<p>{HtmlText.Escape(text)}</p>");

    public HtmlPage List(IEnumerable<string> items)
    {
        Line("<ul>");
        foreach (var item in items)
        {
            Line($"<li>{HtmlText.Escape(item)}</li>");
        }

        return Line("</ul>");
    }

    /// <summary>Terms and their values, such as the facts of an experiment.</summary>
    public HtmlPage Facts(IEnumerable<(string Term, string Value)> facts)
    {
        Line("<dl class=\"facts\">");
        foreach (var (term, value) in facts)
        {
            Line($"<dt>{HtmlText.Escape(term)}</dt><dd>{HtmlText.Escape(value)}</dd>");
        }

        return Line("</dl>");
    }

    /// <summary>A table with one header row; wide tables scroll on screen and print in full.</summary>
    public HtmlPage Table(string? id, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<HtmlCell>> rows)
    {
        Line("<div class=\"scroll\">");
        Line(id is null ? "<table>" : $"<table id=\"{HtmlText.Escape(id)}\">");
        Line("<thead><tr>" + string.Concat(headers.Select(h => $"<th>{HtmlText.Escape(h)}</th>")) + "</tr></thead>");
        Line("<tbody>");
        foreach (var row in rows)
        {
            Line("<tr>" + string.Concat(row.Select(c => c.Render())) + "</tr>");
        }

        Line("</tbody>");
        Line("</table>");
        return Line("</div>");
    }

    /// <summary>A figure in the page and as figures/<paramref name="name"/>.svg beside it.</summary>
    public HtmlPage Figure(string name, string svg, string caption)
    {
        var file = $"figures/{name}.svg";
        if (_figures.Any(f => f.Name == file))
        {
            throw new InvalidOperationException($"Two figures named {name}.");
        }

        _figures.Add(new ReportFile(file, svg.EndsWith('\n') ? svg : svg + "\n"));
        Line("<figure>");
        Line(svg);
        Line($"<figcaption>{HtmlText.Escape(caption)}</figcaption>");
        return Line("</figure>");
    }

    /// <summary>Closes the page with the program's version (no date: the report is reproducible) and returns it with its figures.</summary>
    public IReadOnlyList<ReportFile> Finish(string programVersion)
    {
        Line($"<footer>Written by IsdnSim {HtmlText.Escape(programVersion)}. Files: {FileName} and the figures as SVG in figures/.</footer>");
        Line(RenderCheck);
        Line("</body>");
        Line("</html>");
        return [new ReportFile(FileName, _html.ToString()), .. _figures];
    }

    private HtmlPage Line(string html)
    {
        _html.Append(html.ReplaceLineEndings("\n")).Append('\n');
        return this;
    }
}

/// <summary>A table cell: its content as HTML (escaped by the factories) and a class for alignment and colour.</summary>
internal sealed record HtmlCell(string Html, string? Class = null, string? Title = null)
{
    public static HtmlCell Text(string text) => new(HtmlText.Escape(text));

    public static HtmlCell Number(string text) => new(HtmlText.Escape(text), "num");

    public string Render() =>
        "<td" + (Class is null ? "" : $" class=\"{Class}\"") + (Title is null ? "" : $" title=\"{HtmlText.Escape(Title)}\"") + ">" + Html + "</td>";
}
