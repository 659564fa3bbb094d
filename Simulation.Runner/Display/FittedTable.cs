using Spectre.Console;

namespace IsdnSim.Runner.Display;

/// <summary>
/// A table laid out for the terminal's width before Spectre draws it, so that no word is split and
/// no header cut: each column is at least as wide as its widest word (a figure with its "±" and unit
/// counts as one), and when they do not all fit, columns with a short header use it, then the
/// columns of lowest importance are left out (and named under the table). Room to spare goes first
/// to the columns that need least to fit on one line; a wide terminal shows every column unwrapped.
/// </summary>
public sealed class FittedTable(string title)
{
    private readonly List<Column> _columns = [];
    private readonly List<Cell[]> _rows = [];

    /// <param name="Drop">0: always shown; otherwise left out when the width is short, the highest number first (from the right among equals).</param>
    /// <param name="OneLine">Each cell on one line, cut with "…" where the column is too narrow, instead of wrapped.</param>
    private sealed record Column(string Header, int Drop, string? Short, bool OneLine);

    // A one-line column is never made narrower than this for its cells' sake.
    private const int OneLineLeast = 12;

    // A header this short is worth a line of its own before any text gets more room.
    private const int ShortHeader = 12;

    /// <summary>A cell's plain text and, optionally, a Spectre style ("red", "grey", "bold").</summary>
    public readonly record struct Cell(string Text, string? Style = null)
    {
        public static implicit operator Cell(string text) => new(text);
    }

    /// <summary>How the table fits a width: the columns shown, their widths, and whether the short headers are used.</summary>
    public sealed record Layout(IReadOnlyList<int> Shown, IReadOnlyList<int> Widths, bool ShortHeaders, IReadOnlyList<string> Left);

    public int ColumnCount => _columns.Count;

    /// <param name="drop">0: always shown; a higher number is left out sooner when the terminal is narrow.</param>
    /// <param name="shortHeader">A shorter header used when the columns do not fit with the full ones.</param>
    /// <param name="oneLine">Each cell on one line, cut with "…" where the column is too narrow (a list where more rows matter more than whole lines).</param>
    public FittedTable AddColumn(string header, int drop = 0, string? shortHeader = null, bool oneLine = false)
    {
        _columns.Add(new Column(header, drop, shortHeader, oneLine));
        return this;
    }

    public FittedTable AddRow(params IEnumerable<Cell> cells)
    {
        var row = cells.ToArray();
        if (row.Length != _columns.Count)
        {
            throw new ArgumentException($"a row of {row.Length} cells in a table of {_columns.Count} columns");
        }

        _rows.Add(row);
        return this;
    }

    /// <summary>The table's width with these columns at these widths: borders, one space either side of each cell.</summary>
    public static int TableWidth(IEnumerable<int> widths) => widths.Sum(w => w + 3) + 1;

    public Layout Fit(int width)
    {
        var shown = Enumerable.Range(0, _columns.Count).ToList();
        var useShort = false;
        while (true)
        {
            var least = shown.Select(c => Narrowest(c, useShort)).ToList();
            if (TableWidth(least) <= width)
            {
                return new Layout(shown, Spread(shown, least, width, useShort), useShort, [.. Enumerable.Range(0, _columns.Count).Except(shown).Select(c => _columns[c].Header)]);
            }

            if (!useShort && shown.Any(c => _columns[c].Short is not null))
            {
                useShort = true;
                continue;
            }

            var droppable = shown.Where(c => _columns[c].Drop > 0).ToList();
            if (droppable.Count == 0)
            {
                // Nothing more to leave out: the words stay whole and the line overflows.
                return new Layout(shown, least, useShort, [.. Enumerable.Range(0, _columns.Count).Except(shown).Select(c => _columns[c].Header)]);
            }

            var drop = droppable.OrderByDescending(c => _columns[c].Drop).ThenByDescending(c => c).First();
            shown.Remove(drop);
        }
    }

    /// <summary>The Spectre table for <paramref name="width"/>, and the headers of the columns left out.</summary>
    public (Table Table, IReadOnlyList<string> Left) Build(int width)
    {
        var layout = Fit(width);
        var widths = layout.Widths.ToList();

        // A table narrower than its title is widened to it (as far as the terminal allows), so that the title keeps to one line.
        for (var i = 0; widths.Count > 0 && TableWidth(widths) < Math.Min(width, title.Length); i = (i + 1) % widths.Count)
        {
            widths[i]++;
        }

        var table = new Table();
        var tableWidth = TableWidth(widths);
        if (title.Length > 0)
        {
            // Spectre centres a title over the table and cuts what is wider: it is broken into lines here.
            table.Title(new TableTitle(Markup.Escape(string.Join('\n', TextWrap.Lines(title, tableWidth)))));
        }

        for (var i = 0; i < layout.Shown.Count; i++)
        {
            var header = HeaderOf(layout.Shown[i], layout.ShortHeaders);
            table.AddColumn(new TableColumn(new Text(string.Join('\n', TextWrap.Lines(header, widths[i])))) { Width = widths[i], NoWrap = true });
        }

        foreach (var row in _rows)
        {
            table.AddRow(layout.Shown.Select((c, i) =>
            {
                var text = _columns[c].OneLine ? TextWrap.Cut(row[c].Text, widths[i]) : string.Join('\n', TextWrap.Lines(row[c].Text, widths[i]));
                return (Spectre.Console.Rendering.IRenderable)(row[c].Style is { } style ? new Text(text, Style.Parse(style)) : new Text(text));
            }));
        }

        return (table, layout.Left);
    }

    /// <summary>Writes the table at the console's width, and under it which columns were left out.</summary>
    public void Write(IAnsiConsole console)
    {
        var width = console.Profile.Width;
        var (table, left) = Build(width);
        console.Write(table);
        if (left.Count > 0)
        {
            console.MarkupLine($"[grey]{Markup.Escape($"Left out at {width} columns: {string.Join(", ", left)} (the result files have them; a wider terminal shows them).")}[/]");
        }
    }

    /// <summary>The narrowest width at which <paramref name="text"/> takes at most two lines.</summary>
    private static int TwoLines(string text)
    {
        var width = TextWrap.Narrowest(text);
        while (TextWrap.Lines(text, width).Count > 2)
        {
            width++;
        }

        return width;
    }

    private string HeaderOf(int column, bool useShort) => useShort ? _columns[column].Short ?? _columns[column].Header : _columns[column].Header;

    private int Narrowest(int column, bool useShort)
    {
        var cells = _columns[column].OneLine
            ? Math.Min(OneLineLeast, _rows.Select(r => r[column].Text.Length).DefaultIfEmpty(0).Max())
            : _rows.Select(r => TextWrap.Narrowest(r[column].Text)).DefaultIfEmpty(0).Max();
        return Math.Max(1, Math.Max(TextWrap.Narrowest(HeaderOf(column, useShort)), cells));
    }

    /// <summary>
    /// From the narrowest widths, the room left given out in two rounds, in each the column that
    /// needs least first, so that as many columns as possible are whole and only the widest text
    /// wraps: first so that cells fit on one line and headers on one (a short header) or two lines,
    /// then so that long headers fit on one line too.
    /// </summary>
    private List<int> Spread(IReadOnlyList<int> shown, IReadOnlyList<int> least, int width, bool useShort)
    {
        var widths = least.ToList();
        var room = width - TableWidth(widths);
        var cells = shown.Select(c => _rows.Select(r => TextWrap.Widest(r[c].Text)).DefaultIfEmpty(0).Max()).ToList();
        var headers = shown.Select(c => HeaderOf(c, useShort)).ToList();
        var compact = shown.Select((_, i) => Math.Max(least[i], Math.Max(cells[i], headers[i].Length <= ShortHeader ? headers[i].Length : TwoLines(headers[i])))).ToList();
        var whole = shown.Select((_, i) => Math.Max(compact[i], headers[i].Length)).ToList();
        foreach (var want in new[] { compact, whole })
        {
            foreach (var i in Enumerable.Range(0, widths.Count).OrderBy(i => want[i] - widths[i]).ThenBy(i => i))
            {
                var give = Math.Min(room, Math.Max(0, want[i] - widths[i]));
                widths[i] += give;
                room -= give;
            }
        }

        return widths;
    }
}
