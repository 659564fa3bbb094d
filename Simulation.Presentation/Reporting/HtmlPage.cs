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

    /// <summary>
    /// The page's style. On screen the text keeps a readable line length while tables and figures
    /// use the width of the window (up to 78rem); a number's interval goes below it when a column
    /// is narrow, so the headline table fits at 1,280 px without a scrollbar. In print (A4) the
    /// same tables fit the page in a smaller type, a table row or figure is never split across
    /// pages, and headings stay with what follows them.
    /// </summary>
    private const string Style = """
        body { font-family: Helvetica, Arial, sans-serif; color: #222; line-height: 1.45; max-width: 78rem; margin: 2rem auto; padding: 0 1rem; }
        p, ul, dl, figcaption { max-width: 52rem; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.1rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 0.85rem; line-height: 1.3; }
        th, td { border: 1px solid #ccc; padding: 0.3rem 0.45rem; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td .direction { display: block; font-size: 0.85em; color: #555; }
        td.better { background: #e1f3ec; } td.better strong { color: #00664a; }
        td.worse { background: #fbe4d8; } td.worse strong { color: #a33f00; }
        td.same strong { color: #555; font-weight: normal; }
        td .count { font-size: 0.8rem; color: #555; } td .unstable { font-size: 0.8rem; color: #a33f00; font-weight: bold; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
        dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        figure { margin: 1rem 0 2rem; break-inside: avoid; } figure svg { display: block; max-width: 100%; height: auto; }
        figcaption { font-size: 0.9rem; color: #444; }
        .scroll { overflow-x: auto; }
        footer { margin-top: 3rem; font-size: 0.85rem; color: #666; }
        @page { size: A4; margin: 15mm 14mm; }
        @media print {
          body { margin: 0; padding: 0; max-width: none; font-size: 9.5pt; line-height: 1.35; }
          h1 { font-size: 15pt; } h2 { font-size: 12.5pt; margin-top: 1.2rem; } h3 { font-size: 10.5pt; }
          h2, h3 { break-after: avoid; }
          p, ul, dl, figcaption { max-width: none; }
          table { font-size: 7pt; width: 100%; }
          th, td { padding: 2px 3px; overflow-wrap: anywhere; }
          thead { display: table-header-group; }
          tr, figure, dl.facts { break-inside: avoid; }
          figure svg { max-height: 240mm; width: auto; }
          .scroll { overflow: visible; }
          td.better, td.worse, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
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

    public static HtmlCell Number(string text) => new(NumberHtml(text), "num");

    /// <summary>
    /// A figure as HTML: "mean [low, high]" with the interval on the line below the mean, in a
    /// span of its own (which a narrow column wraps after the comma), so that eight columns of
    /// figures fit a screen of 1,280 px and a page of A4.
    /// </summary>
    public static string NumberHtml(string text)
    {
        var interval = text.IndexOf(" [", StringComparison.Ordinal);
        return interval < 0 || !text.EndsWith(']')
            ? HtmlText.Escape(text)
            : $"{HtmlText.Escape(text[..interval])}<br><span class=\"ci\">{HtmlText.Escape(text[(interval + 1)..])}</span>";
    }

    public string Render() =>
        "<td" + (Class is null ? "" : $" class=\"{Class}\"") + (Title is null ? "" : $" title=\"{HtmlText.Escape(Title)}\"") + ">" + Html + "</td>";
}
