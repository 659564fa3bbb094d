using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using IsdnSim.Analysis.Storage;
using IsdnSim.Presentation.Benchmarks;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;

namespace IsdnSim.Runner.Services;

/// <summary>
/// Runs the benchmark suite (<see cref="SuitePlan"/>): every benchmark as separate process runs of
/// this same program, one warm-up process each and then <see cref="SuiteRequest.Runs"/> rounds in
/// which every benchmark runs once (so a slow spell of a busy machine falls on all of them, and
/// the ratios taken run by run compare like with like). It reads the figures of a <c>bench</c>
/// child from its bench line and times a <c>run</c> child from outside. With a base build
/// (<c>--against</c>) every process run has one of the base build beside it, on the same scenario
/// files, which of the two goes first alternating from round to round. Nothing is written until
/// every figure is measured.
/// </summary>
public static class BenchSuiteService
{
    /// <summary>Where the last written figures are kept, relative to the repository's root.</summary>
    public const string FiguresFile = "benchmarks/suite.json";

    public const string DocumentFile = "BENCHMARKS.md";

    // How often a run child's peak working set is read while it runs: the high-water mark the
    // kernel keeps, so only growth in the last interval before the process ends can be missed.
    private static readonly TimeSpan PeakSampling = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// The repository's root: the nearest folder at or above the current one, or else above this
    /// program, that holds scenarios/mmc.yaml and BENCHMARKS.md; null outside a checkout.
    /// </summary>
    public static string? FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "scenarios", "mmc.yaml")) && File.Exists(Path.Combine(folder.FullName, DocumentFile)))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The isdnsim.dll that <c>--against</c> <paramref name="path"/> names: the file itself, or a
    /// checkout's Release build below the folder; null when there is none.
    /// </summary>
    public static string? BaseAssembly(string path) =>
        File.Exists(path) && path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? Path.GetFullPath(path)
        : File.Exists(Path.Combine(path, SuiteMarkdown.BuiltAssembly)) ? Path.GetFullPath(Path.Combine(path, SuiteMarkdown.BuiltAssembly))
        : null;

    /// <summary>Measures the suite in <paramref name="root"/>; <paramref name="progress"/> hears what is being run.</summary>
    public static async Task<SuiteFigures> MeasureAsync(string root, SuiteRequest request, Action<string> progress, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"isdnsim-bench-suite-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(scratch);
        try
        {
            var plan = SuitePlan.Create(request.Quick, scratch, request.Only);
            var self = Self();
            var baseAssembly = request.Against is null ? null
                : BaseAssembly(request.Against) ?? throw new InvalidOperationException($"--against '{request.Against}' holds no isdnsim.dll");
            var (loadBefore, stealBefore) = (LoadAverage(), CpuTicks());
            var (commit, dirty) = await CommitAsync(root, cancellationToken); // before anything the run itself changes
            var baseName = baseAssembly is null ? null : await BaseNameAsync(baseAssembly, cancellationToken);
            foreach (var preparation in plan.Preparations)
            {
                await RunChildAsync(root, self, preparation, cancellationToken);
            }

            // The builds a round runs, in the order of its first round; the order turns round by round.
            var builds = baseAssembly is null ? [self] : new[] { self, (Host(), (IReadOnlyList<string>)[baseAssembly]) };
            var samples = builds.Select(_ => plan.Measurements.ToDictionary(m => m.Id, _ => new List<ProcessSample>())).ToList();
            for (var round = 0; round <= request.Runs; round++)
            {
                progress((round == 0
                    ? $"warm-up: one process run of each of {plan.Measurements.Count} benchmarks"
                    : $"round {round} of {request.Runs}: one process run of each benchmark")
                    + (builds.Length > 1 ? ", on this build and the base in turn" : ""));
                foreach (var measurement in plan.Measurements)
                {
                    for (var turn = 0; turn < builds.Length; turn++)
                    {
                        var build = (turn + round) % builds.Length;
                        var sample = await MeasureOnceAsync(root, scratch, builds[build], measurement, cancellationToken);
                        if (round > 0)
                        {
                            samples[build][measurement.Id].Add(sample);
                        }
                    }
                }
            }

            var measured = Measured(samples[0]);
            var baseMeasured = builds.Length > 1 ? Measured(samples[1]) : null;
            return new SuiteFigures(
                DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                commit,
                dirty,
                Machine(loadBefore, LoadAverage()) with { Steal = CpuSteal.Share(stealBefore, CpuTicks()) },
                request.Runs,
                request.Quick,
                request.Arguments,
                plan.Rows(measured, baseMeasured),
                plan.Scaling(measured, baseMeasured),
                plan.Commands,
                baseName);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        static Dictionary<string, IReadOnlyList<ProcessSample>> Measured(Dictionary<string, List<ProcessSample>> samples) =>
            samples.ToDictionary(s => s.Key, s => (IReadOnlyList<ProcessSample>)s.Value);
    }

    /// <summary>The last written figures in <paramref name="root"/>, or null.</summary>
    public static SuiteFigures? Previous(string root) => SuiteFile.Read(Path.Combine(root, FiguresFile));

    /// <summary>Writes the figures to benchmarks/suite.json and BENCHMARKS.md's suite block; each file whole or not at all.</summary>
    public static void Write(string root, SuiteFigures figures, SuiteFigures? previous)
    {
        var document = Path.Combine(root, DocumentFile);
        var text = BenchmarksDocument.ReplaceBlock(File.ReadAllText(document), SuiteMarkdown.Block(figures, previous));
        using var hold = Interruption.WritingResults();
        SuiteFile.Write(Path.Combine(root, FiguresFile), figures);
        AtomicOutput.WriteFile(document, text);
    }

    private static async Task<ProcessSample> MeasureOnceAsync(string root, string scratch, (string Program, IReadOnlyList<string> Prefix) build, SuiteMeasurement measurement, CancellationToken cancellationToken)
    {
        if (measurement.Kind == MeasurementKind.Bench)
        {
            var (output, _, _) = await RunChildAsync(root, build, measurement.Arguments, cancellationToken);
            return new ProcessSample(BenchLine.Parse(output)
                ?? throw new InvalidOperationException($"'{measurement.Command}' printed no line starting '{BenchLine.Prefix.Trim()}'"));
        }

        var folder = Path.Combine(scratch, $"out-{Guid.NewGuid():N}");
        try
        {
            var arguments = measurement.Arguments.Select(a => a == SuiteMeasurement.OutFolder ? folder : a).ToList();
            var (_, seconds, peakBytes) = await RunChildAsync(root, build, arguments, cancellationToken);
            var summary = new FileInfo(Path.Combine(folder, "summary.json"));
            return new ProcessSample(new Dictionary<string, double>
            {
                [ProcessSample.WallSeconds] = seconds,
                [ProcessSample.PeakMib] = peakBytes / (1024.0 * 1024.0),
                [ProcessSample.SummaryBytes] = summary.Exists ? summary.Length : 0,
            });
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Runs the isdnsim <paramref name="build"/> with <paramref name="arguments"/> in <paramref name="root"/>: its standard
    /// output, its wall time from start to exit, and its peak working set as sampled. A failed run
    /// is an error naming the command; cancelling ends the child (and its children) first.
    /// </summary>
    private static async Task<(string Output, double Seconds, long PeakBytes)> RunChildAsync(string root, (string Program, IReadOnlyList<string> Prefix) build, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var (program, prefix) = build;
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in prefix.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        long peak = 0;
        try
        {
            var exited = process.WaitForExitAsync(cancellationToken);
            while (!exited.IsCompleted)
            {
                peak = Math.Max(peak, PeakWorkingSet(process));
                await Task.WhenAny(exited, Task.Delay(PeakSampling, cancellationToken));
            }

            await exited;
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var (stdout, stderr) = (await output, await errors);

        // Ctrl+C in a terminal reaches the child too, which may end (exit code 130) before this
        // process sees its own token cancelled: that is an interruption, not a failed benchmark.
        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            var command = "isdnsim " + string.Join(' ', arguments);
            throw new InvalidOperationException($"'{command}' failed with exit code {process.ExitCode}: {LastLines(stderr + stdout, 5)}");
        }

        return (stdout, seconds, peak);
    }

    private static long PeakWorkingSet(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0; // it has just ended
        }
    }

    /// <summary>
    /// How to start this same program: through the same dotnet host and isdnsim.dll it runs from,
    /// or its own executable when installed as a tool; from a test host, the isdnsim.dll beside it.
    /// </summary>
    private static (string Program, IReadOnlyList<string> Prefix) Self()
    {
        var assembly = typeof(BenchSuiteService).Assembly.Location;
        var current = Environment.ProcessPath;
        var name = current is null ? "" : Path.GetFileNameWithoutExtension(current);
        return name switch
        {
            "isdnsim" => (current!, []),
            _ => (Host(), [assembly]),
        };
    }

    /// <summary>The dotnet host: the one this program runs in, else the one a test host names, else dotnet on the PATH.</summary>
    private static string Host()
    {
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet"
            ? current
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
    }

    /// <summary>The base build's commit as the table names it, from the checkout it lies in; or, outside one, its file name.</summary>
    private static async Task<string> BaseNameAsync(string assembly, CancellationToken cancellationToken) =>
        await CheckoutCommitAsync(Path.GetDirectoryName(assembly)!, cancellationToken) is { } checkout
            ? "commit " + SuiteMarkdown.Commit(checkout.Commit, checkout.Dirty)
            : $"the build {Path.GetFileName(assembly)} (no git checkout around it)";

    /// <summary>The checkout's commit, else the one this program was built from.</summary>
    private static async Task<(string Commit, bool Dirty)> CommitAsync(string root, CancellationToken cancellationToken) =>
        await CheckoutCommitAsync(root, cancellationToken) ?? (ProgramVersion.Commit ?? "unknown", false);

    /// <summary>The commit checked out at <paramref name="folder"/> and whether tracked files differ from it; null outside a checkout or without git.</summary>
    private static async Task<(string Commit, bool Dirty)?> CheckoutCommitAsync(string folder, CancellationToken cancellationToken)
    {
        var commit = (await GitAsync(folder, ["rev-parse", "--short=12", "HEAD"], cancellationToken))?.Trim();
        if (commit is not { Length: > 0 })
        {
            return null;
        }

        var status = await GitAsync(folder, ["status", "--porcelain", "--untracked-files=no"], cancellationToken);
        return (commit, status is null || status.Trim().Length > 0);
    }

    private static async Task<string?> GitAsync(string root, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }

    private static SuiteMachine Machine(string loadBefore, string loadAfter) => new(
        Environment.ProcessorCount,
        CpuModel(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        Environment.Version.ToString(),
        loadBefore,
        loadAfter);

    private static string CpuModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var model = File.Exists(cpuinfo)
            ? File.ReadLines(cpuinfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return model ?? RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        return File.Exists(loadavg) ? File.ReadAllText(loadavg).Split(' ')[0] : "-";
    }

    private static (long Steal, long Total)? CpuTicks()
    {
        const string stat = "/proc/stat";
        return File.Exists(stat) ? CpuSteal.Parse(File.ReadLines(stat).FirstOrDefault() ?? "") : null;
    }

    private static string LastLines(string text, int count) =>
        string.Join(" / ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
