using IsdnSim.Core.Engine;
using IsdnSim.Core.Scenario;

namespace IsdnSim.Runner.Cli;

/// <summary>Loads a scenario file for a command and turns command-line overrides into Core's form; reports problems the same way everywhere.</summary>
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
            foreach (var d in e.Diagnostics)
            {
                consoles.Errors.WriteLine(d.ToString());
            }

            consoles.Errors.WriteLine($"{e.Diagnostics.Count} problem{(e.Diagnostics.Count == 1 ? "" : "s")} in {file}; nothing was run.");
            return null;
        }
    }

    /// <summary>The overrides, or null after reporting a bad --horizon.</summary>
    public static ScenarioOverrides? Overrides(LoadedScenario scenario, ulong? seed, int? replications, string? horizon, string? variant, Consoles consoles)
    {
        if (variant is not null && scenario.Definition.Variants.All(v => v.Id != variant))
        {
            var known = scenario.Definition.Variants.Select(v => v.Id).ToList();
            consoles.Errors.WriteLine(known.Count == 0
                ? $"isdnsim: error: --variant: {scenario.File} defines no variants"
                : $"isdnsim: error: --variant: no variant '{variant}' in {scenario.File}{DidYouMean.Hint(variant, known)} (variants: {string.Join(", ", known)})");
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

            var problem = new ScenarioOverrides(HorizonDays: days.Value).Problem(scenario.Definition, horizon);
            if (problem is not null)
            {
                consoles.Errors.WriteLine($"isdnsim: error: --horizon: {problem}");
                return null;
            }

            horizonDays = days.Value;
        }

        return new ScenarioOverrides(seed, replications, horizonDays, variant);
    }
}
