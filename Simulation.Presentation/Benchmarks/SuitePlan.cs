using System.Text.RegularExpressions;

namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// The benchmark suite of issue 13: which process runs it times (<see cref="Measurements"/>), the
/// regions it generates for them first (<see cref="Preparations"/>), and how the figures of the
/// table and the scaling series follow from the samples of those runs. The targets beside the
/// figures are the issue's. <c>--quick</c> keeps the shape with small inputs, for the tests.
/// </summary>
public sealed class SuitePlan
{
    /// <summary>
    /// Agents of the scaling series' smallest region (1x): municipalities and districts; 4x and 16x multiply both.
    /// 16x is about Germany's size; at 200 municipalities the 1x point ran in 0.03 s, where fixed costs
    /// flattened the fitted exponents.
    /// </summary>
    public static readonly (int Municipalities, int Districts) ScalingBase = (800, 32);

    private static readonly (int Municipalities, int Districts) QuickScalingBase = (10, 2);

    public static readonly IReadOnlyList<int> ScalingFactors = [1, 4, 16];

    public static readonly IReadOnlyList<int> ScalingYears = [1, 4, 16];

    private readonly IReadOnlyList<RowDefinition> _rows;

    private readonly string _scratch;

    private SuitePlan(bool quick, string scratch, IReadOnlyList<SuiteMeasurement> measurements, IReadOnlyList<IReadOnlyList<string>> preparations, IReadOnlyList<RowDefinition> rows)
    {
        Quick = quick;
        _scratch = scratch;
        Measurements = measurements;
        Preparations = preparations;
        _rows = rows;
    }

    public bool Quick { get; }

    /// <summary>The benchmarks to time, in order (after --only).</summary>
    public IReadOnlyList<SuiteMeasurement> Measurements { get; }

    /// <summary>The isdnsim commands (generate) that write the regions the measurements read, run once before them and not timed.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Preparations { get; }

    /// <summary>
    /// The plan, its generated regions in <paramref name="scratch"/>. <paramref name="only"/>
    /// selects benchmarks by id: comma-separated patterns, each a part of an id or a pattern with *
    /// (e.g. "mmc", "germany-run", "scaling-*-1y").
    /// </summary>
    public static SuitePlan Create(bool quick, string scratch, string? only)
    {
        var all = AllMeasurements(quick, scratch);
        var selected = only is null ? all : all.Where(m => Selects(only, m.Id)).ToList();
        var generated = Generated(quick, scratch);
        var preparations = generated
            .Where(g => selected.Any(m => m.Arguments.Contains(g.File)))
            .Select(g => g.Command)
            .ToList();
        return new SuitePlan(quick, scratch, selected, preparations, RowDefinitions(quick));
    }

    /// <summary>The commands a reader repeats to run the plan by hand: the preparations, then the benchmarks, the scratch folder written as $TMP.</summary>
    public IReadOnlyList<string> Commands =>
        Preparations.Select(p => "isdnsim " + string.Join(' ', p)).Concat(Measurements.Select(m => m.Command))
            .Select(c => _scratch.Length == 0 ? c : c.Replace(_scratch, "$TMP", StringComparison.Ordinal))
            .ToList();

    /// <summary>The ids of every benchmark, for --only's message when it selects none.</summary>
    public static IReadOnlyList<string> Ids => AllMeasurements(quick: false, "").Select(m => m.Id).ToList();

    /// <summary>Whether <paramref name="only"/> (see <see cref="Create"/>) selects the benchmark <paramref name="id"/>.</summary>
    public static bool Selects(string only, string id) =>
        only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(pattern =>
            pattern.Contains('*')
                ? Regex.IsMatch(id, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase)
                : id.Contains(pattern, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The table's figures that the samples allow (a figure whose benchmarks were not selected is
    /// left out); with <paramref name="baseSamples"/> (<c>--against</c>), each paired with the base
    /// build's figure round by round.
    /// </summary>
    public IReadOnlyList<SuiteRow> Rows(IReadOnlyDictionary<string, IReadOnlyList<ProcessSample>> samples, IReadOnlyDictionary<string, IReadOnlyList<ProcessSample>>? baseSamples = null) =>
        _rows.Where(r => r.Needs.All(samples.ContainsKey))
            .Select(r => (Row: r, Values: r.Values(samples).ToList()))
            .Where(r => r.Values.Count > 0)
            .Select(r => new SuiteRow(r.Row.Id, r.Row.Benchmark, r.Row.Unit, Spread.Of(r.Values), Quick ? null : r.Row.Target,
                baseSamples is not null && r.Row.Needs.All(baseSamples.ContainsKey) ? Pairing.Of(r.Values, r.Row.Values(baseSamples).ToList()) : null))
            .ToList();

    /// <summary>The points of the scaling series that were measured, smallest first; with <paramref name="baseSamples"/>, each paired with the base build's time.</summary>
    public IReadOnlyList<ScalingPoint> Scaling(IReadOnlyDictionary<string, IReadOnlyList<ProcessSample>> samples, IReadOnlyDictionary<string, IReadOnlyList<ProcessSample>>? baseSamples = null) =>
        ScalingPoints()
            .Where(p => samples.ContainsKey(p.Id))
            .Select(p =>
            {
                var runs = samples[p.Id];
                var seconds = runs.Select(s => s["median_s"]).ToList();
                var against = baseSamples?.GetValueOrDefault(p.Id) is { } baseRuns ? Pairing.Of(seconds, baseRuns.Select(s => s["median_s"]).ToList()) : null;
                return new ScalingPoint(p.Id, p.Series, p.Factor, p.Years, runs[0]["agents"], runs[0]["events"], Spread.Of(seconds), against);
            })
            .ToList();

    private static IEnumerable<(string Id, string Series, int Factor, int Years)> ScalingPoints() =>
        ScalingFactors.Select(f => (ScalingId(f, 1), f == 1 ? "agents, years" : "agents", f, 1))
            .Concat(ScalingYears.Where(y => y > 1).Select(y => (ScalingId(1, y), "years", 1, y)));

    private static string ScalingId(int factor, int years) => $"scaling-{factor}x-{years}y";

    private static string RegionFile(string scratch, string name) => Path.Combine(scratch, name + ".yaml");

    private static IReadOnlyList<(string File, IReadOnlyList<string> Command)> Generated(bool quick, string scratch)
    {
        var (municipalities, districts) = quick ? QuickScalingBase : ScalingBase;
        var regions = ScalingFactors
            .Select(f => (RegionFile(scratch, $"region-{f}x"), Generate(municipalities * f, districts * f, RegionFile(scratch, $"region-{f}x"))))
            .ToList();
        if (quick)
        {
            regions.Add((RegionFile(scratch, "country"), Generate(40, 2, RegionFile(scratch, "country"))));
        }

        return regions;

        static IReadOnlyList<string> Generate(int m, int d, string file) =>
            ["generate", "--municipalities", $"{m}", "--districts", $"{d}", "--seed", "1", "--out", file, "--force"];
    }

    private static List<SuiteMeasurement> AllMeasurements(bool quick, string scratch)
    {
        string[] mmc = ["bench", "scenarios/mmc.yaml", "--horizon", quick ? "3704d" : "370370d"];
        string[] mmcTenth = ["bench", "scenarios/mmc.yaml", "--horizon", quick ? "370d" : "37037d"];
        string[] country = quick ? [RegionFile(scratch, "country"), "--horizon", "2y"] : ["scenarios/germany.yaml"];
        string[] rural = quick ? ["scenarios/rural-district.yaml", "--horizon", "1y"] : ["scenarios/rural-district.yaml"];
        var runs = quick ? "1" : "5";
        // A bench process warms up with one replication, and the JIT still tiers up during the next
        // ones (M/M/3: one or two runs at 1.4-2.3x the settled time; Germany: one or two runs 10-40 %
        // slower; BENCHMARKS.md, eleventh round). So a simulate time is the median of enough runs
        // that those do not decide it: ten for M/M/3 (the issue's own command; its tenth the same,
        // so the growth in peak memory compares like with like), five for Germany. --quick keeps one.
        var mmcRuns = quick ? "1" : "10";
        var countryRuns = quick ? "1" : "5";
        string[] inprocess = ["--engine", "inprocess"];
        string[] toFolder = ["--no-progress", "--out", SuiteMeasurement.OutFolder];
        var measurements = new List<SuiteMeasurement>
        {
            new("mmc-inprocess", MeasurementKind.Bench, [.. mmc, .. inprocess, "--runs", mmcRuns]),
            new("mmc-orleans", MeasurementKind.Bench, [.. mmc, "--runs", mmcRuns]),
            new("mmc-tenth-inprocess", MeasurementKind.Bench, [.. mmcTenth, .. inprocess, "--runs", mmcRuns]),
            new("germany-inprocess", MeasurementKind.Bench, ["bench", .. country, .. inprocess, "--runs", countryRuns]),
            new("germany-orleans", MeasurementKind.Bench, ["bench", .. country, "--runs", countryRuns]),
            new("germany-run", MeasurementKind.Run, ["run", .. country, "--replications", "1", .. toFolder]),
            new("rural-inprocess", MeasurementKind.Bench, ["bench", .. rural, .. inprocess, "--runs", runs]),
            new("rural-run", MeasurementKind.Run, ["run", .. rural, .. toFolder]),
        };
        measurements.AddRange(ScalingPoints().Select(p => new SuiteMeasurement(
            p.Id, MeasurementKind.Bench, ["bench", RegionFile(scratch, $"region-{p.Factor}x"), "--horizon", $"{p.Years}y", .. inprocess, "--runs", "1"])));
        return measurements;
    }

    private static List<RowDefinition> RowDefinitions(bool quick)
    {
        var mmc = quick ? "M/M/3 at utilisation 0.9, --horizon 3704d" : "M/M/3 at utilisation 0.9, 1,000,348 customers";
        var country = quick ? "a generated region of 40 municipalities, 2 years (in place of Germany)" : "Germany scale";
        var rural = quick ? "rural district, one year" : "rural district";
        var scalingAgents = ScalingFactors.Select(f => ScalingId(f, 1)).ToArray();
        var scalingYears = ScalingYears.Select(y => ScalingId(1, y)).ToArray();
        return
        [
            new("mmc-inprocess", $"{mmc}, in-process: simulate", "s", ["mmc-inprocess"], s => Figure(s, "mmc-inprocess", "median_s"), new(TargetBound.AtMost, 0.25)),
            new("mmc-orleans", $"{mmc}, Orleans embedded silo: simulate", "s", ["mmc-orleans"], s => Figure(s, "mmc-orleans", "median_s"), null),
            new("mmc-ratio", "M/M/3, Orleans / in-process", "x", ["mmc-orleans", "mmc-inprocess"], s => Pairs(s, "mmc-orleans", "mmc-inprocess", "median_s", (a, b) => a / b), new(TargetBound.AtMost, 1.2)),
            new("mmc-peak", $"{mmc}, in-process: peak working set", "MiB", ["mmc-inprocess"], s => Figure(s, "mmc-inprocess", "peak_mib"), new(TargetBound.AtMost, 150)),
            new("mmc-peak-growth", "M/M/3 peak working set, growth from a tenth of the customers to all", "MiB", ["mmc-inprocess", "mmc-tenth-inprocess"], s => Pairs(s, "mmc-inprocess", "mmc-tenth-inprocess", "peak_mib", (a, b) => a - b), new(TargetBound.AtMost, 5)),
            new("germany-compile", $"{country}: compile scenario", "s", ["germany-inprocess"], s => Figure(s, "germany-inprocess", "compile_s"), new(TargetBound.AtMost, 0.5)),
            new("germany-inprocess", $"{country}: simulate, in-process", "s", ["germany-inprocess"], s => Figure(s, "germany-inprocess", "median_s"), new(TargetBound.AtMost, 1.5)),
            new("germany-orleans", $"{country}: simulate, Orleans embedded silo", "s", ["germany-orleans"], s => Figure(s, "germany-orleans", "median_s"), null),
            new("germany-ratio", $"{country}: simulate, Orleans / in-process", "x", ["germany-orleans", "germany-inprocess"], s => Pairs(s, "germany-orleans", "germany-inprocess", "median_s", (a, b) => a / b), new(TargetBound.AtMost, 1.3)),
            new("germany-run-wall", $"{country}: run --replications 1 end to end, wall time", "s", ["germany-run"], s => Figure(s, "germany-run", ProcessSample.WallSeconds), new(TargetBound.AtMost, 6)),
            new("germany-run-peak", $"{country}: run --replications 1 end to end, peak working set", "MiB", ["germany-run"], s => Figure(s, "germany-run", ProcessSample.PeakMib), new(TargetBound.AtMost, 1024)),
            new("germany-summary", $"{country}: summary.json", "MB", ["germany-run"], s => Figure(s, "germany-run", ProcessSample.SummaryBytes).Select(b => b / 1e6), new(TargetBound.AtMost, 1)),
            new("germany-events", $"{country}: events per second, in-process", "events/s", ["germany-inprocess"], s => Figure(s, "germany-inprocess", "events_per_s"), null),
            new("rural-events", $"{rural}: events per second, in-process", "events/s", ["rural-inprocess"], s => Figure(s, "rural-inprocess", "events_per_s"), null),
            new("events-ratio", $"events per second, {(quick ? "generated region" : "Germany")} / rural district", "x", ["germany-inprocess", "rural-inprocess"], s => Pairs(s, "germany-inprocess", "rural-inprocess", "events_per_s", (a, b) => a / b), new(TargetBound.AtLeast, 0.8)),
            new("rural-run-wall", $"run scenarios/rural-district.yaml{(quick ? " --horizon 1y" : "")} end to end (embedded silo, its start included), wall time", "s", ["rural-run"], s => Figure(s, "rural-run", ProcessSample.WallSeconds), new(TargetBound.AtMost, 1.5)),
            new("rural-run-peak", $"run scenarios/rural-district.yaml{(quick ? " --horizon 1y" : "")} end to end, peak working set", "MiB", ["rural-run"], s => Figure(s, "rural-run", ProcessSample.PeakMib), null),
            new("scaling-agents-exponent", "scaling series: fitted exponent of simulate time over agents (1.0: linear)", "", scalingAgents, s => Exponents(s, scalingAgents, "agents"), null),
            new("scaling-years-exponent", "scaling series: fitted exponent of simulate time over years (1.0: linear)", "", scalingYears, s => Exponents(s, scalingYears, null), null),
        ];
    }

    private static IEnumerable<double> Figure(IReadOnlyDictionary<string, IReadOnlyList<ProcessSample>> samples, string id, string key) =>
        samples[id].Select(s => s[key]);

    /// <summary>A figure of two benchmarks taken process run by process run (the i-th of one with the i-th of the other).</summary>
    private static IEnumerable<double> Pairs(IReadOnlyDictionary<string, IReadOnlyList<ProcessSample>> samples, string a, string b, string key, Func<double, double, double> combine) =>
        samples[a].Zip(samples[b], (x, y) => combine(x[key], y[key]));

    /// <summary>
    /// The exponent fitted to the i-th process run of every point, for each i: the spread of these
    /// shows how much of the exponent is noise. The size is the agents, or the simulated years.
    /// </summary>
    private static IEnumerable<double> Exponents(IReadOnlyDictionary<string, IReadOnlyList<ProcessSample>> samples, string[] ids, string? sizeKey)
    {
        var count = ids.Min(id => samples[id].Count);
        var years = ScalingYears;
        for (var i = 0; i < count; i++)
        {
            var points = ids.Select((id, k) => (sizeKey is null ? years[k] : samples[id][i][sizeKey], samples[id][i]["median_s"])).ToList();
            if (ScalingFit.Exponent(points) is { } exponent)
            {
                yield return exponent;
            }
        }
    }

    private sealed record RowDefinition(
        string Id,
        string Benchmark,
        string Unit,
        string[] Needs,
        Func<IReadOnlyDictionary<string, IReadOnlyList<ProcessSample>>, IEnumerable<double>> Values,
        SuiteTarget? Target);
}
