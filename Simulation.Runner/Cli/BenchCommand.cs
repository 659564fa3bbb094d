using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Model;
using IsdnSim.Presentation.Benchmarks;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Runner.Services;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>
/// Times replication 0 of a scenario, several runs, and reports wall time, simulated events
/// and projects per second and the process's peak memory. With --suite, runs the benchmark suite
/// of BENCHMARKS.md instead: each benchmark as separate process runs of this program.
/// </summary>
public sealed class BenchCommand(Consoles consoles) : AsyncCommand<BenchCommand.Settings>
{
    public sealed class Settings : ScenarioOptions
    {
        [CommandArgument(0, "[FILE]")]
        [Description("Scenario file (YAML, format 1; see docs/scenario-format.md); not with --suite.")]
        public string? File { get; init; }

        [CommandOption("--variant <NAME>")]
        [Description("Apply this reform variant of the scenario first ('isdnsim variants FILE' lists them).")]
        public string? Variant { get; init; }

        [CommandOption("--runs <N>")]
        [Description("Timed runs after one warm-up run (default 3), the median and the best reported; with --suite, process runs of each benchmark after a warm-up process (default 5).")]
        public int? Runs { get; init; }

        [CommandOption("--suite")]
        [Description("Run the benchmark suite (from the repository's root): every benchmark of BENCHMARKS.md as separate process runs, min / median / max, the issue's targets, the previous figures and a scaling series.")]
        public bool Suite { get; init; }

        [CommandOption("--only <PATTERN>")]
        [Description("With --suite: only the benchmarks whose id contains this (comma-separated, * as a wildcard), e.g. mmc, germany-run, scaling.")]
        public string? Only { get; init; }

        [CommandOption("--quick")]
        [Description("With --suite: small inputs (fewer customers, small regions), a smoke test of the suite itself; its figures say nothing of the targets.")]
        public bool Quick { get; init; }

        [CommandOption("--write")]
        [Description("With --suite: keep the figures in benchmarks/suite.json (the next run's previous figures) and rewrite BENCHMARKS.md's suite block; the whole suite, at least 5 runs.")]
        public bool Write { get; init; }

        [CommandOption("--allow-few-runs")]
        [Description("With --write: write figures of fewer than 5 process runs per benchmark all the same (they say how many).")]
        public bool AllowFewRuns { get; init; }

        [CommandOption("--against <DIR>")]
        [Description("With --suite: run every benchmark on another build of isdnsim too (a checkout built with dotnet build -c Release, or its isdnsim.dll), process runs in turn, and add its median and now / base taken pair by pair.")]
        public string? Against { get; init; }

        public SuiteRequest SuiteRequest => new(Runs ?? SuiteRequest.DefaultRuns, Only, Quick, Write, AllowFewRuns, Against);

        public override ValidationResult Validate()
        {
            if (Runs is < 1 or > 100)
            {
                return ValidationResult.Error($"--runs must be between 1 and 100, found {Runs}");
            }

            if (!Suite)
            {
                return File is null ? ValidationResult.Error("bench needs a scenario FILE, or --suite")
                    : Only is not null || Quick || Write || AllowFewRuns || Against is not null ? ValidationResult.Error("--only, --quick, --write, --allow-few-runs and --against go with --suite")
                    : base.Validate();
            }

            if (File is not null || Variant is not null || Seed is not null || Horizon is not null || Warmup is not null || Cluster is not null)
            {
                return ValidationResult.Error("--suite runs its own scenarios: give it no FILE, --variant, --seed, --horizon, --warmup or --cluster");
            }

            if (Only is not null && !SuitePlan.Ids.Any(id => SuitePlan.Selects(Only, id)))
            {
                return ValidationResult.Error($"--only '{Only}' selects none of the benchmarks: {string.Join(", ", SuitePlan.Ids)}");
            }

            if (Against is not null && BenchSuiteService.BaseAssembly(Against) is null)
            {
                return ValidationResult.Error($"--against '{Against}': no isdnsim.dll there, nor at {SuiteMarkdown.BuiltAssembly} below it (build that checkout with dotnet build -c Release first)");
            }

            return SuiteRequest.WriteProblem() is { } problem ? ValidationResult.Error(problem) : base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Suite)
        {
            return await SuiteAsync(settings.SuiteRequest, cancellationToken);
        }

        var scenario = ScenarioInput.Load(settings.File!, consoles);
        if (scenario is null)
        {
            return ExitCodes.BadInput;
        }

        var overrides = ScenarioInput.Overrides(scenario, settings, settings.Variant, 1, consoles);
        if (overrides is null)
        {
            return ExitCodes.BadInput;
        }

        var spec = RunSpec.From(scenario, overrides);
        var compileClock = Stopwatch.StartNew();
        var model = spec.Compile();
        var compileSeconds = compileClock.Elapsed.TotalSeconds;

        try
        {
            return await MeasureAsync(settings, spec, model, compileSeconds, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Errors.WriteLine("isdnsim: interrupted; no figures were measured to the end.");
            return ExitCodes.Interrupted;
        }
    }

    private async Task<int> MeasureAsync(Settings settings, RunSpec spec, SimulationModel model, double compileSeconds, CancellationToken cancellationToken)
    {
        var startClock = Stopwatch.StartNew();
        await using var host = await EngineHost.StartAsync(settings, cancellationToken);
        var startSeconds = startClock.Elapsed.TotalSeconds;

        var times = new List<double>();
        ReplicationResult? last = null;
        long allocated = 0;
        var collections = new int[3];
        var paused = TimeSpan.Zero;
        for (var run = 0; run <= (settings.Runs ?? 3); run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var (allocatedBefore, pausedBefore) = (GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration());
            var collectionsBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var clock = Stopwatch.StartNew();
            last?.Dispose();
            last = await host.Engine.RunReplicationAsync(spec, model, 0, null, cancellationToken);
            if (run > 0)
            {
                times.Add(clock.Elapsed.TotalSeconds);
                allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                paused += GC.GetTotalPauseDuration() - pausedBefore;
                for (var g = 0; g < 3; g++)
                {
                    collections[g] += GC.CollectionCount(g) - collectionsBefore[g];
                }
            }
        }

        times.Sort();
        var median = times[times.Count / 2];
        var best = times[0];
        var arrived = last!.Arrivals.Sum(a => a.Count);
        var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

        string F(double v, string format = "N0") => v.ToString(format, CultureInfo.InvariantCulture);
        var table = new FittedTable($"bench {settings.File} on {host.Description}").AddColumn("Figure").AddColumn("Value");
        table.AddRow("machine", $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        table.AddRow("simulated days", F(model.Horizon.Days));
        table.AddRow("projects arrived / finished", $"{F(arrived)} / {F(last.Projects.Count)}");
        table.AddRow("events", F(last.Events));
        table.AddRow("windows", F(last.Windows));
        table.AddRow("wall time, median of runs [s]", F(median, "0.000"));
        table.AddRow("wall time, best run [s]", F(best, "0.000"));
        table.AddRow("events per second (median)", F(last.Events / median));
        table.AddRow("projects per second (median)", F(arrived / median));
        table.AddRow("compile scenario [s]", F(compileSeconds, "0.000"));
        table.AddRow("start engine [s]", F(startSeconds, "0.000"));
        table.AddRow("peak working set [MiB]", F(peakMiB, "0"));
        table.AddRow("allocated per run [MiB]", F(allocated / (1024.0 * 1024.0) / times.Count, "0.0"));
        table.AddRow("garbage collections per run (gen 0 / 1 / 2)", string.Join(" / ", collections.Select(c => F((double)c / times.Count, "0.0"))));
        table.AddRow("garbage collection pauses per run [s]", F(paused.TotalSeconds / times.Count, "0.000"));
        table.Write(consoles.Out);
        consoles.Text.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench: engine={host.Engine.Name} runs={times.Count} median_s={median:0.000} best_s={best:0.000} events={last.Events} projects={arrived} events_per_s={last.Events / median:0} projects_per_s={arrived / median:0} peak_mib={peakMiB:0} allocated_mib_per_run={allocated / (1024.0 * 1024.0) / times.Count:0.0} gc_pause_s_per_run={paused.TotalSeconds / times.Count:0.000} compile_s={compileSeconds:0.000} start_s={startSeconds:0.000} agents={model.Agents.Count} windows={last.Windows}"));
        return ExitCodes.Ok;
    }

    private async Task<int> SuiteAsync(SuiteRequest request, CancellationToken cancellationToken)
    {
        if (BenchSuiteService.FindRoot() is not { } root)
        {
            consoles.Errors.WriteLine($"isdnsim: error: bench --suite runs from a checkout of IsdnSim (it reads scenarios/ and keeps its figures in {BenchSuiteService.FiguresFile} and {BenchSuiteService.DocumentFile}); none found at or above {DisplayPath.Of(Environment.CurrentDirectory)}");
            return ExitCodes.BadInput;
        }

        var previous = BenchSuiteService.Previous(root);
        SuiteFigures figures;
        try
        {
            figures = await BenchSuiteService.MeasureAsync(root, request, line => consoles.Errors.WriteLine($"bench --suite: {line}"), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Errors.WriteLine("isdnsim: interrupted; the suite was not finished and nothing was written.");
            return ExitCodes.Interrupted;
        }

        SuiteView.Write(consoles, figures, previous);
        if (request.Write)
        {
            BenchSuiteService.Write(root, figures, previous);
            consoles.Text.WriteLine($"Wrote {BenchSuiteService.FiguresFile} and the suite's block of {BenchSuiteService.DocumentFile}.");
        }

        return ExitCodes.Ok;
    }
}
