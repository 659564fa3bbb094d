using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// Small charts as standalone SVG, deterministic to the byte: no scripts, no fonts to load,
/// coordinates with at most two decimals in invariant culture, text widths estimated from the
/// number of characters rather than measured. Built as XML trees, so every label is escaped.
/// </summary>
internal static partial class SvgChart
{
    public const double Width = 760;

    private const double FontSize = 12;

    /// <summary>The average width of a character of a sans-serif font, a little generous so that labels never collide.</summary>
    private const double CharWidth = FontSize * 0.58;

    /// <summary>Okabe and Ito's palette, distinguishable with every common colour-vision deficiency; yellow last, it is faint on white.</summary>
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"];

    /// <summary>Lines differ in dash pattern as well as colour, so that they stay apart in grey print and where one covers another.</summary>
    private static readonly string?[] Dashes = [null, "7 3", "2 2"];

    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    private static string Colour(int series) => Palette[series % Palette.Length];

    private static string? Dash(int series) => Dashes[series % Dashes.Length];

    private static double TextWidth(string text) => text.Length * CharWidth;

    /// <summary>The text cut to <paramref name="width"/> with an ellipsis; the full text belongs in a title beside it.</summary>
    private static string Fit(string text, double width)
    {
        var max = (int)(width / CharWidth);
        return text.Length <= max ? text : text[..Math.Max(1, max - 1)].TrimEnd() + "…";
    }

    /// <summary>The distance between the lines of a label of several lines.</summary>
    private const double LineHeight = 14;

    /// <summary>
    /// The text in lines of at most <paramref name="width"/>, broken between words, so that a long
    /// label is shown whole rather than cut to a prefix it may share with another; only a single
    /// word longer than a line is shortened.
    /// </summary>
    private static List<string> Wrap(string text, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && TextWidth(longer) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }

        lines.Add(line);
        return [.. lines.Select(l => Fit(l, width))];
    }

    /// <summary>
    /// A label of one or more lines (from <see cref="Wrap"/>), the block centred on
    /// <paramref name="middle"/>, its full text on hover: a group marked as a label, so that a
    /// test can check that the labels of a chart are told apart, with a text per line (a line
    /// break inside one text would leave a space at the end of each line, and an anchored line
    /// would stand off by it).
    /// </summary>
    private static XElement Label(double x, double middle, IReadOnlyList<string> lines, string anchor, string full) =>
        El("g", A("class", "label"), Title(full),
            lines.Select((line, i) => Text(x, middle - (lines.Count - 1) * LineHeight / 2 + 4 + i * LineHeight, line, anchor)));

    /// <summary>A coordinate or length: finite by construction of the charts, so anything else is a bug.</summary>
    private static string N(double value) =>
        double.IsFinite(value)
            ? (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A chart coordinate must be finite.");

    private static XElement El(string name, params object?[] content) => new(Ns + name, content);

    private static XAttribute A(string name, double value) => new(name, N(value));

    private static XAttribute A(string name, string value) => new(name, value);

    private static XElement Title(string text) => El("title", Clean(text));

    private static XElement Text(double x, double y, string text, string anchor = "start", params object?[] attributes) =>
        El("text", A("x", x), A("y", y), anchor == "start" ? null : A("text-anchor", anchor), attributes, Clean(text));

    private static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        El("line", A("x1", x1), A("y1", y1), A("x2", x2), A("y2", y2), A("stroke", stroke), A("stroke-width", width),
            dash is null ? null : A("stroke-dasharray", dash));

    private static XElement Rect(double x, double y, double width, double height, string fill, params object?[] content) =>
        El("rect", A("x", x), A("y", y), A("width", Math.Max(0, width)), A("height", Math.Max(0, height)), A("fill", fill), content);

    /// <summary>An interval as a whisker with end caps, horizontal or vertical.</summary>
    private static XElement Whisker(double from, double to, double across, bool horizontal, string stroke = "#333333", double cap = 4) =>
        horizontal
            ? El("g", Line(from, across, to, across, stroke), Line(from, across - cap, from, across + cap, stroke), Line(to, across - cap, to, across + cap, stroke))
            : El("g", Line(across, from, across, to, stroke), Line(across - cap, from, across + cap, from, stroke), Line(across - cap, to, across + cap, to, stroke));

    /// <summary>The root element: sized, scalable, and announced to screen readers as one image named by its title.</summary>
    private static XElement Svg(string title, double width, double height, IEnumerable<object?> content) =>
        El("svg",
            A("viewBox", $"0 0 {N(width)} {N(height)}"), A("width", width), A("height", height),
            A("role", "img"), A("aria-label", Clean(title)),
            A("font-family", "Helvetica, Arial, sans-serif"), A("font-size", FontSize),
            Title(title),
            Text(10, 20, title, "start", A("font-size", 14), A("font-weight", "bold")),
            content);

    /// <summary>Series names in a row (wrapping) below the chart's title; returns the height used.</summary>
    private static double Legend(List<object?> content, IReadOnlyList<string> names, double top, bool lines)
    {
        if (names.Count < 2)
        {
            return 0;
        }

        double x = 10, y = top + 12;
        for (var i = 0; i < names.Count; i++)
        {
            var label = Fit(names[i], Width / 2);
            var itemWidth = 22 + TextWidth(label) + 14;
            if (x > 10 && x + itemWidth > Width - 10)
            {
                x = 10;
                y += 18;
            }

            content.Add(lines
                ? Line(x, y - 4, x + 16, y - 4, Colour(i), 2.5, Dash(i))
                : Rect(x, y - 10, 16, 10, Colour(i)));
            content.Add(Text(x + 22, y, label, "start", Title(names[i])));
            x += itemWidth;
        }

        return y - top + 8;
    }

    /// <summary>
    /// Tick marks, labels and grid lines of a value axis along the bottom (x) or the left (y) of
    /// the plot area, and the axis title.
    /// </summary>
    private static void ValueAxis(List<object?> content, NiceScale scale, Func<double, double> position, Plot plot, bool horizontal, string title, string suffix)
    {
        foreach (var tick in scale.Ticks)
        {
            var label = ReportFormat.Number(tick, scale.Decimals) + suffix;
            var p = position(tick);
            if (horizontal)
            {
                content.Add(Line(p, plot.Top, p, plot.Bottom, "#e4e4e4"));
                content.Add(Text(p, plot.Bottom + 16, label, "middle"));
            }
            else
            {
                content.Add(Line(plot.Left, p, plot.Right, p, "#e4e4e4"));
                content.Add(Text(plot.Left - 6, p + 4, label, "end"));
            }
        }

        AxisTitle(content, plot, horizontal, title);
    }

    /// <summary>An axis title below the plot area or beside it, turned; a long one is shortened, its full text shown on hover.</summary>
    private static void AxisTitle(List<object?> content, Plot plot, bool horizontal, string title)
    {
        // The title of the horizontal axis may reach beyond the plot area, as far as the chart's edge on either side.
        var middle = (plot.Left + plot.Right) / 2;
        content.Add(horizontal
            ? Text(middle, plot.Bottom + 34, Fit(title, 2 * Math.Min(middle, Width - middle) - 20), "middle", Title(title))
            : Text(14, (plot.Top + plot.Bottom) / 2, Fit(title, plot.Height), "middle", A("transform", $"rotate(-90 14 {N((plot.Top + plot.Bottom) / 2)})"), Title(title)));
    }

    /// <summary>The text with control characters (line breaks, tabs) as spaces: XML does not allow most of them, and a label is one line.</summary>
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }

    /// <summary>The SVG as text: indented, '\n' line ends on every platform, no XML declaration (it is embedded in HTML as is).</summary>
    private static string Render(XElement svg)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = " ", NewLineChars = "\n", NewLineHandling = NewLineHandling.Replace, OmitXmlDeclaration = true };
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, settings))
        {
            svg.Save(writer);
        }

        return builder.ToString();
    }

    /// <summary>
    /// The plot area inside the margins, in SVG coordinates. Values are mapped <paramref name="Inset"/>
    /// inside its frame, so that points at the ends of a scale do not sit on the frame.
    /// </summary>
    private sealed record Plot(double Left, double Top, double Right, double Bottom, double Inset = 0)
    {
        public double Width => Right - Left;

        public double Height => Bottom - Top;

        /// <summary>Maps a value of <paramref name="scale"/> to a horizontal position.</summary>
        public double X(NiceScale scale, double value) => Left + Inset + (value - scale.Min) / (scale.Max - scale.Min) * (Width - 2 * Inset);

        /// <summary>Maps a value of <paramref name="scale"/> to a vertical position, upwards.</summary>
        public double Y(NiceScale scale, double value) => Bottom - Inset - (value - scale.Min) / (scale.Max - scale.Min) * (Height - 2 * Inset);
    }
}
