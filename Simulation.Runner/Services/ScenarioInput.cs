using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Storage;
using IsdnSim.Analysis.Validation;
using IsdnSim.Runner.Display;
using IsdnSim.Runner.Options;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Runner.Services;

/// <summary>Loads a scenario file for a command and turns command-line overrides into the engine's form; reports problems the same way everywhere.</summary>
internal static class ScenarioInput
{
    public static LoadedScenario? Load(string file, Consoles consoles)
    {
        try
        {
            return ScenarioLoader.LoadFile(file);
        }
        catch (ScenarioException e)
        {
            Report(e, file, consoles);
            return null;
        }
    }

    /// <summary>
    /// The scenario for a run of <paramref name="variant"/> (null: the file as written), checked
    /// as <see cref="Load(string, Consoles)"/> checks it but for the file's other variants, whose
    /// checks <paramref name="otherVariants"/> makes while the run goes on
    /// (<see cref="ScenarioLoader.LoadFileForRun"/>); null after reporting the problems.
    /// </summary>
    public static LoadedScenario? LoadForRun(string file, string? variant, Consoles consoles, out DeferredVariantChecks otherVariants)
    {
        try
        {
            return ScenarioLoader.LoadFileForRun(file, variant, out otherVariants);
        }
        catch (ScenarioException e)
        {
            otherVariants = DeferredVariantChecks.None;
            Report(e, file, consoles);
            return null;
        }
    }

    /// <summary>
    /// The scenario with the ranges of its uncertain parameters: from the --uncertain file if the
    /// options give one (its section replaces the scenario's), else the scenario's own; null after
    /// reporting the problems of either file.
    /// </summary>
    public static LoadedScenario? Load(string file, IUncertainOption options, Consoles consoles)
    {
        var scenario = Load(file, consoles);
        if (scenario is null || options.Uncertain is not { } uncertain)
        {
            return scenario;
        }

        try
        {
            return UncertainLoader.WithFile(scenario, uncertain);
        }
        catch (ScenarioException e)
        {
            Report(e, uncertain, consoles);
            return null;
        }
    }

    /// <summary>Every problem of <paramref name="file"/>, then how many there were and that nothing was run.</summary>
    public static void Report(ScenarioException e, string file, Consoles consoles)
    {
        foreach (var d in e.Diagnostics)
        {
            consoles.Errors.WriteLine(d.ToString());
        }

        consoles.Errors.WriteLine($"{e.Diagnostics.Count} problem{(e.Diagnostics.Count == 1 ? "" : "s")} in {UserText.Shorten(file)}; nothing was run.");
    }

    /// <summary>
    /// Where a command's results go: <paramref name="out"/>, or results/&lt;scenario&gt;[-&lt;command&gt;]-&lt;date&gt;-&lt;time&gt;;
    /// null after reporting why nothing can be written there (checked before anything is simulated).
    /// </summary>
    public static string? OutputFolder(string? @out, string file, string? command, Consoles consoles)
    {
        var outDir = @out ?? ExperimentRun.DefaultFolder(file, command);
        if (AtomicOutput.CheckTarget(outDir) is { } problem)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {UserText.ShortenQuoted(problem)}");
            return null;
        }

        return outDir;
    }

    /// <summary>The overrides, or null after reporting a bad --variant, --horizon or --warmup.</summary>
    public static ScenarioOverrides? Overrides(LoadedScenario scenario, ScenarioOptions settings, string? variant, int? replications, Consoles consoles)
    {
        var (seed, horizon) = (settings.Seed, settings.Horizon);
        if (variant is not null && scenario.Definition.Variants.All(v => v.Id != variant))
        {
            var known = scenario.Definition.Variants.Select(v => v.Id).ToList();
            consoles.Errors.WriteLine(known.Count == 0
                ? $"isdnsim: error: --variant: {UserText.Shorten(scenario.File)} defines no variants"
                : $"isdnsim: error: --variant: no variant '{UserText.Shorten(variant)}' in {UserText.Shorten(scenario.File)}{DidYouMean.Hint(variant, known)} (variants: {string.Join(", ", known)})");
            return null;
        }

        double? horizonDays = null;
        if (horizon is not null)
        {
            if (!Units.TryCalendar(horizon, scenario.Definition.Start, out var days, out var error))
            {
                consoles.Errors.WriteLine($"isdnsim: error: --horizon: {error}");
                return null;
            }

            horizonDays = days.Value;
        }

        double? warmupDays = null;
        if (settings.Warmup is { } warmup)
        {
            if (!Units.TryCalendar(warmup, scenario.Definition.Start, out var days, out var error))
            {
                consoles.Errors.WriteLine($"isdnsim: error: --warmup: {error}");
                return null;
            }

            warmupDays = days.Value;
        }

        var overrides = new ScenarioOverrides(seed, replications, horizonDays, variant, warmupDays);
        if (overrides.Problem(scenario.Definition, horizon ?? "") is { } problem)
        {
            consoles.Errors.WriteLine($"isdnsim: error: {(horizon is not null ? "--horizon" : "--warmup")}: {problem}");
            return null;
        }

        return overrides;
    }

    /// <summary>What <paramref name="read"/> gives, or null after printing every problem with the observed file.</summary>
    public static T? Observed<T>(string file, Func<T> read, Consoles consoles)
        where T : class
    {
        try
        {
            return read();
        }
        catch (ObservedDataException e)
        {
            foreach (var d in e.Diagnostics)
            {
                consoles.Errors.WriteLine(d.ToString());
            }

            var n = e.Diagnostics.Count;
            consoles.Errors.WriteLine($"{n} problem{(n == 1 ? "" : "s")} in {UserText.Shorten(file)}; nothing was run.");
            return null;
        }
    }
}
