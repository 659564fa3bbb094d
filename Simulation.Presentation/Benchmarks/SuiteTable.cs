using System.Globalization;

namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// The suite's two tables as text cells, for the terminal and BENCHMARKS.md alike: each figure
/// with its min, median and max, the previous run's median beside it with now / previous (a
/// regression shows as a ratio above 1 for a time), and the issue's target with whether it is met.
/// A run <c>--against</c> a base build has two columns more after the previous figures: the base
/// build's median and now / base, paired round by round (<see cref="Pairing"/>).
/// </summary>
public static class SuiteTable
{
    public static readonly IReadOnlyList<string> MainHeaders =
        ["benchmark", "unit", "min", "median", "max", "previous median", "now / previous", "target", "met"];

    public static readonly IReadOnlyList<string> ScalingHeaders =
        ["point", "series", "agents", "years", "events", "min [s]", "median [s]", "max [s]", "events/s", "previous median [s]", "now / previous"];

    /// <summary>The columns a run against a base build adds after "now / previous" (<see cref="PairedCells"/>).</summary>
    public static readonly IReadOnlyList<string> PairedHeaders = ["base median", "now / base (min-max)"];

    /// <summary>The main table's headers for <paramref name="now"/>: with the paired columns when it ran against a base build.</summary>
    public static IReadOnlyList<string> MainHeadersOf(SuiteFigures now) => WithPaired(now, MainHeaders, MainHeaders.ToList().IndexOf("now / previous") + 1);

    /// <summary>The scaling table's headers for <paramref name="now"/>, likewise.</summary>
    public static IReadOnlyList<string> ScalingHeadersOf(SuiteFigures now) => WithPaired(now, ScalingHeaders, ScalingHeaders.Count);

    /// <summary>The figures of the previous run comparable with <paramref name="now"/>: the same kind of run (quick or full), else none.</summary>
    public static SuiteFigures? Comparable(SuiteFigures now, SuiteFigures? previous) =>
        previous is not null && previous.Quick == now.Quick ? previous : null;

    public static IReadOnlyList<IReadOnlyList<string>> Main(SuiteFigures now, SuiteFigures? previous)
    {
        var before = Comparable(now, previous)?.Rows.ToDictionary(r => r.Id);
        return now.Rows.Select(row =>
        {
            var old = before?.GetValueOrDefault(row.Id);
            return (IReadOnlyList<string>)
            [
                row.Benchmark,
                row.Unit,
                Number(row.Unit, row.Figure.Min),
                Number(row.Unit, row.Figure.Median),
                Number(row.Unit, row.Figure.Max),
                old is null ? "-" : Number(row.Unit, old.Figure.Median),
                old is null ? "-" : Ratio(row.Figure.Median, old.Figure.Median),
                .. now.Base is null ? [] : PairedCells(row.Unit, row.Against),
                row.Target is null ? "-" : Target(row.Unit, row.Target),
                row.Met switch { true => "yes", false => "no", null => "-" },
            ];
        }).ToList();
    }

    public static IReadOnlyList<IReadOnlyList<string>> Scaling(SuiteFigures now, SuiteFigures? previous)
    {
        var before = Comparable(now, previous)?.Scaling.ToDictionary(p => p.Id);
        return now.Scaling.Select(point =>
        {
            var old = before?.GetValueOrDefault(point.Id);
            return (IReadOnlyList<string>)
            [
                $"{point.Factor}x, {point.Years} y",
                point.Series,
                Number("", point.Agents, "N0"),
                Number("", point.Years, "0"),
                Number("", point.Events, "N0"),
                Number("s", point.Seconds.Min),
                Number("s", point.Seconds.Median),
                Number("s", point.Seconds.Max),
                Number("events/s", point.EventsPerSecond),
                old is null ? "-" : Number("s", old.Seconds.Median),
                old is null ? "-" : Ratio(point.Seconds.Median, old.Seconds.Median),
                .. now.Base is null ? [] : PairedCells("s", point.Against),
            ];
        }).ToList();
    }

    /// <summary>A figure in the precision its unit is worth on a noisy machine.</summary>
    public static string Number(string unit, double value, string? format = null) =>
        value.ToString(format ?? unit switch
        {
            "s" => "0.000",
            "MiB" => "0",
            "events/s" => "N0",
            "MB" => "0.00",
            _ => "0.00",
        }, CultureInfo.InvariantCulture);

    /// <summary>
    /// The base build's median, and now / base as its median with min and max, e.g. "0.84 (0.80-0.90)";
    /// "-" where the figure could not be paired.
    /// </summary>
    public static IReadOnlyList<string> PairedCells(string unit, Pairing? against) =>
        against is null
            ? ["-", "-"]
            : [Number(unit, against.Base.Median), string.Create(CultureInfo.InvariantCulture, $"{against.Ratio.Median:0.00} ({against.Ratio.Min:0.00}-{against.Ratio.Max:0.00})")];

    private static IReadOnlyList<string> WithPaired(SuiteFigures now, IReadOnlyList<string> headers, int at) =>
        now.Base is null ? headers : [.. headers.Take(at), .. PairedHeaders, .. headers.Skip(at)];

    private static string Ratio(double now, double previous) =>
        previous == 0 ? "-" : (now / previous).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Target(string unit, SuiteTarget target) =>
        $"{(target.Bound == TargetBound.AtMost ? "<=" : ">=")} {target.Value.ToString("0.##", CultureInfo.InvariantCulture)}{(unit is "" ? "" : " " + unit)}";
}
