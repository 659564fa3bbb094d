using System.Net;
using System.Text.Json;

namespace IsdnSim.Tests.Reporting;

/// <summary>
/// A script added to a report in a test that measures its layout as the browser drew it and
/// writes what is wrong to the body's data-layout attribute: a page or table wider than the
/// window (a horizontal scrollbar, or columns lost in print), a figure wider than the page, a
/// chart's text running out of the figure or overlapping another text, and two labels of a chart
/// that read the same (a cut label that can no longer be told apart). For print, the page's
/// print rules are switched on and its screen-only rules off, in a window as wide as the printed
/// page's text, which is how the browser lays out a page it prints.
/// </summary>
public static class LayoutProbe
{
    /// <summary>A4 is 210 mm wide; the report's @page leaves 14 mm each side: 182 mm at 96 px to the inch.</summary>
    public const int PrintWidth = (int)(182 / 25.4 * 96);

    public static string Inject(string html, bool print) =>
        html.Replace("</body>", "<script>\n" + Script.Replace("{PRINT}", print ? "true" : "false") + "\n</script>\n</body>", StringComparison.Ordinal);

    /// <summary>The window width the page was measured in, and what is wrong with its layout.</summary>
    public static (int Width, IReadOnlyList<string> Problems) Read(string dom)
    {
        var match = System.Text.RegularExpressions.Regex.Match(dom, "data-layout=\"([^\"]*)\"");
        match.Success.Should().BeTrue("the layout probe ran and wrote its findings");
        using var json = JsonDocument.Parse(WebUtility.HtmlDecode(match.Groups[1].Value));
        return (json.RootElement.GetProperty("width").GetInt32(), [.. json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!)]);
    }

    private const string Script = """
        (function (print) {
          if (print) {
            // Print emulation: the page's print rules apply, its screen-only rules do not.
            for (const sheet of document.styleSheets) {
              for (const rule of Array.from(sheet.cssRules)) {
                if (rule instanceof CSSMediaRule) {
                  const media = rule.media.mediaText;
                  rule.media.mediaText = media.includes('print') ? 'all' : media.includes('screen') ? 'not all' : media;
                }
              }
            }
          }
          const problems = [];
          const root = document.documentElement;
          const px = (n) => Math.round(n);
          if (root.scrollWidth > root.clientWidth + 1) {
            problems.push('the page is ' + root.scrollWidth + ' px wide in a window of ' + root.clientWidth + ' px');
          }
          document.querySelectorAll('table').forEach((table, i) => {
            const name = 'table ' + (table.id || (i + 1)) + ' (' + table.querySelector('th').textContent + ')';
            const box = table.getBoundingClientRect();
            const frame = table.parentElement;
            if (frame.scrollWidth > frame.clientWidth + 1 || box.right > root.clientWidth + 1) {
              problems.push(name + ' is ' + px(box.width) + ' px wide in ' + frame.clientWidth + ' px');
            }
          });
          const visible = (text) => Array.from(text.childNodes).filter(n => n.nodeName !== 'title').map(n => n.textContent.trim()).filter(t => t).join(' ');
          document.querySelectorAll('figure svg').forEach((svg) => {
            const name = 'figure "' + svg.getAttribute('aria-label') + '"';
            const frame = svg.getBoundingClientRect();
            if (frame.right > svg.parentElement.getBoundingClientRect().right + 1) {
              problems.push(name + ' is ' + px(frame.width) + ' px wide, wider than the page');
            }
            const texts = Array.from(svg.querySelectorAll('text')).map(t => ({ text: visible(t), box: t.getBoundingClientRect() })).filter(t => t.text);
            const scale = frame.width / svg.viewBox.baseVal.width;
            texts.forEach((t) => {
              if (t.box.left < frame.left - 1 || t.box.right > frame.right + 1 || t.box.top < frame.top - 1 || t.box.bottom > frame.bottom + 1) {
                problems.push(name + ': "' + t.text + '" runs out of the figure');
              }
            });
            // Two texts collide when their boxes overlap by more than a sliver (1 px of the chart's own size) both ways.
            for (let a = 0; a < texts.length; a++) {
              for (let b = a + 1; b < texts.length; b++) {
                const p = texts[a].box, q = texts[b].box;
                const w = Math.min(p.right, q.right) - Math.max(p.left, q.left), h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
                if (w > scale && h > 2 * scale) {
                  problems.push(name + ': "' + texts[a].text + '" and "' + texts[b].text + '" overlap');
                }
              }
            }
            // A label is a group marked as one, or a text cut short (its full text on hover); two that read the same but stand for different things cannot be told apart.
            const titled = (element) => { const title = Array.from(element.children).find(c => c.nodeName === 'title'); return title ? title.textContent : null; };
            const labels = Array.from(svg.querySelectorAll('.label')).map(g => ({ text: Array.from(g.querySelectorAll('text')).map(visible).join(' '), full: titled(g) || '' }))
              .concat(Array.from(svg.querySelectorAll('text')).filter(t => titled(t) !== null && visible(t).endsWith('…')).map(t => ({ text: visible(t), full: titled(t) })));
            labels.forEach((label, i) => {
              if (labels.some((other, j) => j < i && other.text === label.text && (other.full !== label.full || label.full === ''))) {
                problems.push(name + ': two labels read "' + label.text + '"');
              }
            });
          });
          document.body.dataset.layout = JSON.stringify({ width: window.innerWidth, print: print, problems: problems });
        })({PRINT});
        """;
}
