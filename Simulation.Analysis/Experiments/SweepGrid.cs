using System.Globalization;
using System.Text.RegularExpressions;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// The parameters of a sweep as written on the command line, and their grid. A parameter is
/// <c>PATH=FROM..TO:STEP</c> (numbers, optionally with one unit of any kind the scenario format
/// has: <c>staff=10..20:2</c>, <c>effort=5wd..15wd:5wd</c>, <c>rate=0.25/day..0.5/day:0.25/day</c>,
/// <c>amount=10_000 EUR/year..30_000 EUR/year:10_000 EUR/year</c>) or <c>PATH=A,B,C</c> (any values). The grid is the product of
/// the parameters' values, the first parameter varying slowest, as BehaviorSpace does.
/// </summary>
public static partial class SweepGrid
{
    /// <summary>At most this many points, so a typo in a step cannot ask for a million runs.</summary>
    public const int MaxPoints = 10_000;

    /// <summary>Parses one --set value; throws <see cref="FormatException"/> with a message for the user.</summary>
    public static SweepParameter Parse(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
        {
            throw new FormatException($"--set '{text}': expected PATH=FROM..TO:STEP or PATH=A,B,C, e.g. agents.lk.agencies.building.staff=10..20:2");
        }

        var path = text[..eq].Trim();
        var spec = text[(eq + 1)..].Trim();
        if (Range().Match(spec) is { Success: true } m)
        {
            return new SweepParameter(path, Expand(text, m));
        }

        var values = SplitList(spec);
        if (values.Any(v => v.Length == 0))
        {
            throw new FormatException($"--set '{text}': an empty value in the list");
        }

        if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            throw new FormatException($"--set '{text}': a value is listed twice");
        }

        return new SweepParameter(path, values);
    }

    /// <summary>The grid's points; throws <see cref="FormatException"/> if it is too large or a path is set twice.</summary>
    public static IReadOnlyList<SweepPoint> Points(IReadOnlyList<SweepParameter> parameters)
    {
        var twice = parameters.GroupBy(p => p.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new FormatException($"--set: '{twice.Key}' is set twice; give each path once (a list of values: PATH=A,B,C)");
        }

        var size = parameters.Aggregate(1L, (n, p) => n * p.Values.Count);
        if (size > MaxPoints)
        {
            throw new FormatException($"--set: the grid has {size:N0} points; the limit is {MaxPoints:N0}");
        }

        var points = new List<SweepPoint>();
        var index = new int[parameters.Count];
        for (var i = 0; i < size; i++)
        {
            points.Add(new SweepPoint(i, [.. parameters.Select((p, k) => p.Values[index[k]])]));
            for (var k = parameters.Count - 1; k >= 0; k--)
            {
                if (++index[k] < parameters[k].Values.Count)
                {
                    break;
                }

                index[k] = 0;
            }
        }

        return points;
    }

    /// <summary>A,B,C; an item in double quotes may hold commas ("X, Y"), and "" is a quote inside one.</summary>
    private static List<string> SplitList(string spec)
    {
        var values = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < spec.Length; i++)
        {
            var c = spec[i];
            if (c == '"' && quoted && i + 1 < spec.Length && spec[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"' && (quoted || current.ToString().Trim().Length == 0))
            {
                quoted = !quoted;
                if (quoted)
                {
                    current.Clear();
                }
            }
            else if (c == ',' && !quoted)
            {
                values.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException($"--set: a quote is not closed in '{spec}'");
        }

        values.Add(current.ToString().Trim());
        return values;
    }

    private static List<string> Expand(string text, Match m)
    {
        var (from, fromUnit) = (Number(m.Groups["from"].Value), m.Groups["fu"].Value);
        var (to, toUnit) = (Number(m.Groups["to"].Value), m.Groups["tu"].Value);
        var (step, stepUnit) = (Number(m.Groups["step"].Value), m.Groups["su"].Value);

        // The unit as FROM writes it ("wd", "/day", " EUR/year"); the three compare without spaces.
        var unit = fromUnit;
        static string Bare(string u) => u.Replace(" ", "", StringComparison.Ordinal);
        if (Bare(toUnit) != Bare(unit) || (stepUnit.Length > 0 && Bare(stepUnit) != Bare(unit)))
        {
            throw new FormatException($"--set '{text}': FROM, TO and STEP must have the same unit, found '{fromUnit}', '{toUnit}', '{stepUnit}'");
        }

        if (step <= 0)
        {
            throw new FormatException($"--set '{text}': STEP must be greater than zero");
        }

        if (to < from)
        {
            throw new FormatException($"--set '{text}': TO must not be smaller than FROM");
        }

        // Decimal arithmetic, so 0.1 steps give 0.3 and not 0.30000000000000004.
        var values = new List<string>();
        for (var v = from; v <= to; v += step)
        {
            values.Add(v.ToString("0.############", CultureInfo.InvariantCulture) + unit);
            if (values.Count > MaxPoints)
            {
                throw new FormatException($"--set '{text}': more than {MaxPoints:N0} values");
            }
        }

        return values;
    }

    private static decimal Number(string text) =>
        decimal.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    // A number (with '_' as a thousands separator) and a unit: letters (5wd, 3mo), a rate (/day),
    // or money (EUR/year, with or without a space before it).
    [GeneratedRegex(@"^(?<from>-?\d[\d_]*(\.\d+)?)(?<fu>(\s*[A-Za-z€]+)?(\s*/\s*[a-z]+)?)\.\.(?<to>-?\d[\d_]*(\.\d+)?)(?<tu>(\s*[A-Za-z€]+)?(\s*/\s*[a-z]+)?):(?<step>\d[\d_]*(\.\d+)?)(?<su>(\s*[A-Za-z€]+)?(\s*/\s*[a-z]+)?)$")]
    private static partial Regex Range();
}
