using System.Reflection;
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
            config.SetApplicationVersion(Version);
            config.Settings.Console = consoles.Out;
            config.Settings.StrictParsing = true; // a misspelt option is an error, not silently ignored
            config.Settings.CancellationExitCode = ExitCodes.Interrupted;
            config.ValidateExamples();
            config.Settings.ExceptionHandler = (e, _) =>
            {
                consoles.Errors.WriteLine($"isdnsim: error: {NumberOptions.ConversionProblem(e, args) ?? UserText.ShortenQuoted(e.Message)}{CommandLineHints.For(e.Message, args)}");
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
                .WithExample("replay", "traces/teaching.jsonl")
                .WithExample("replay", "traces/teaching.jsonl", "--at", "2025-03-01", "--project", "seedorf/kita-site/0")
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
        if (args.Length == 0)
        {
            // Nothing asked: the help, but as a failure, so that a script missing its command does not pass.
            await app.RunAsync(["--help"], cancellationToken);
            return ExitCodes.BadInput;
        }

        return await app.RunAsync(args, cancellationToken);
    }

    /// <summary>
    /// What 'isdnsim --version' prints: the informational version, e.g. 0.1.0+9a21c3b…, where the
    /// SDK appends the commit of the clone it was built from (nothing when built outside git).
    /// </summary>
    public static string Version { get; } =
        typeof(IsdnSimApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
