using IsdnSim.Runner.Display;
using IsdnSim.Runner.Hosting;
using IsdnSim.Runner.Options;
using IsdnSim.Scenario.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console.Cli;

namespace IsdnSim.Runner.Cli;

/// <summary>The isdnsim command line, callable in-process with any consoles (the tests do).</summary>
public static class IsdnSimApp
{
    public static async Task<int> RunAsync(string[] args, Consoles consoles, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();
        services.AddSingleton(consoles);
        var app = new CommandApp(new TypeRegistrar(services));
        app.Configure(config =>
        {
            config.SetApplicationName("isdnsim");
            config.Settings.Console = consoles.Out;
            config.Settings.StrictParsing = true; // a misspelt option is an error, not silently ignored
            config.Settings.CancellationExitCode = ExitCodes.Interrupted;
            config.ValidateExamples();
            config.Settings.ExceptionHandler = (e, _) =>
            {
                consoles.Errors.WriteLine($"isdnsim: error: {NumberOptions.ConversionProblem(e, args) ?? UserText.ShortenQuoted(e.Message)}{OptionHint(e.Message)}");
                return e switch
                {
                    CommandParseException or CommandRuntimeException => ExitCodes.BadInput,
                    Hosting.ClusterUnavailableException => ExitCodes.ClusterUnavailable,
                    _ => ExitCodes.Failure,
                };
            };
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run a scenario: replications on an Orleans silo (or in-process), a summary, and a result folder.")
                .WithExample("run", "scenarios/rural-district.yaml")
                .WithExample("run", "scenarios/mmc.yaml", "--replications", "10", "--out", "results/mmc");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Compare reform variants: paired differences to a baseline with 95 % intervals, a report, resumable.")
                .WithExample("compare", "scenarios/rural-district.yaml", "--variants", "status-quo,austerity,democratisation", "--replications", "30")
                .WithExample("compare", "scenarios/rural-district.yaml", "--precision", "0.05")
                .WithExample("compare", "--resume", "results/rural-district-compare");
            config.AddCommand<SweepCommand>("sweep")
                .WithDescription("Sweep a parameter grid (BehaviorSpace style): a tidy CSV of every run and metric, and a report; resumable.")
                .WithExample("sweep", "scenarios/rural-district.yaml", "--set", "agents.lk-havelheide.agencies.building.staff=9..21:4", "--replications", "10")
                .WithExample("sweep", "scenarios/rural-district.yaml", "--variants", "status-quo,democratisation", "--set", "processes.building-application.steps.decision.effort.mean=4wd..10wd:2wd")
                .WithExample("sweep", "--resume", "results/rural-district-sweep");
            config.AddCommand<SensitivityCommand>("sensitivity")
                .WithDescription("Global sensitivity over the uncertain parameters (Sobol' or Morris), every variant at every point: indices, robustness of each variant, a report; resumable.")
                .WithExample("sensitivity", "scenarios/rural-district.yaml", "--uncertain", "scenarios/uncertain/rural-district-key.yaml", "--variants", "status-quo,democratisation", "--samples", "32")
                .WithExample("sensitivity", "scenarios/rural-district.yaml", "--method", "morris", "--samples", "10")
                .WithExample("sensitivity", "--resume", "results/rural-district-sensitivity");
            config.AddCommand<CalibrateCommand>("calibrate")
                .WithDescription("Calibrate the uncertain parameters to observed data: history matching and rejection ABC over sampled worlds; posterior.csv, fit.csv, calibrated.yaml.")
                .WithExample("calibrate", "scenarios/rural-district.yaml", "--observed", "data/observed/rural-district.csv", "--uncertain", "scenarios/uncertain/rural-district-key.yaml", "--samples", "64", "--replications", "3")
                .WithExample("calibrate", "--resume", "results/rural-district-calibrate");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Check a scenario against observed durations: each observation beside the model's value and 95 % interval, check.csv.")
                .WithExample("check", "scenarios/rural-district.yaml", "--observed", "data/observed/rural-district.csv", "--replications", "20")
                .WithExample("check", "scenarios/city.yaml", "--observed", "data/observed/city.csv", "--variant", "staff-cut");
            config.AddCommand<ReplayCommand>("replay")
                .WithDescription("Replay a trace: step through it in the terminal, print one moment (--at), or write a page for the browser (--html).")
                .WithExample("replay", "traces/status-quo.jsonl")
                .WithExample("replay", "traces/status-quo.jsonl", "--at", "2025-04-20", "--project", "seeburg/kita-site/0")
                .WithExample("replay", "traces/status-quo.jsonl", "--compare", "traces/democratisation.jsonl", "--html", "replay.html");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check a scenario file and report every problem with file:line:column.")
                .WithExample("validate", "scenarios/rural-district.yaml")
                .WithExample("validate", "scenarios/rural-district.yaml", "--uncertain", "my-ranges.yaml");
            config.AddCommand<AssumptionsCommand>("assumptions")
                .WithDescription("List the figures a scenario labels ASSUMPTION, their values and ranges, and which assumptions have no range.")
                .WithExample("assumptions", "scenarios/rural-district.yaml")
                .WithExample("assumptions", "scenarios/rural-district.yaml", "--uncertain", "my-ranges.yaml");
            config.AddCommand<VariantsCommand>("variants")
                .WithDescription("List a scenario's reform variants and what each changes.")
                .WithExample("variants", "scenarios/rural-district.yaml");
            config.AddCommand<GenerateCommand>("generate")
                .WithDescription("Write a synthetic region (realistic population distribution, districts, Ämter, states) as a scenario file.")
                .WithExample("generate", "--municipalities", "413", "--districts", "14", "--cities", "4", "--amter", "--seed", "7", "--out", "scenarios/brandenburg.yaml");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Measure wall time, events per second and peak memory of one replication.")
                .WithExample("bench", "scenarios/mmc.yaml", "--horizon", "370370d", "--engine", "inprocess");
        });
        return await app.RunAsync(args, cancellationToken);
    }

    private static readonly string[] Options =
        ["replications", "seed", "out", "engine", "horizon", "warmup", "parallel", "no-progress", "cluster", "runs", "variant", "variants",
         "baseline", "precision", "max-replications", "resume", "set", "trace", "trace-replication", "trace-limit", "otlp", "trace-runtime", "html", "at", "project", "compare",
         "municipalities", "districts", "cities", "states", "amter", "name", "force", "observed", "uncertain", "help"];

    // Longer than any option; beyond it a suggestion is pointless, and costly to compute for megabytes.
    private const int MaxOptionLength = 64;

    /// <summary>For "Unknown option 'x'.", the nearest real option.</summary>
    private static string OptionHint(string message)
    {
        const string prefix = "Unknown option '";
        if (!message.StartsWith(prefix, StringComparison.Ordinal))
        {
            return "";
        }

        var typed = message[prefix.Length..].TrimEnd('.', '\'');
        if (typed.Length > MaxOptionLength)
        {
            return " See 'isdnsim <command> --help'.";
        }

        var option = Options.FirstOrDefault(o => typed.StartsWith(o, StringComparison.Ordinal) || o.StartsWith(typed, StringComparison.Ordinal))
                     ?? DidYouMean.Suggest(typed, Options);
        return option is not null
            ? $" Did you mean '--{option}'? See 'isdnsim <command> --help'."
            : " See 'isdnsim <command> --help'.";
    }
}
