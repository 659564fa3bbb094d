using IsdnSim.Analysis.Engine;
using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// The scenario of a design over uncertain parameters (sensitivity, calibration) as its plan
/// keeps it: the text read with the plan's variants checked, the ranges of the --uncertain text
/// the plan keeps (or the scenario's own), and the parameters the design varies, in its order.
/// </summary>
public static class UncertainRanges
{
    /// <summary>Throws <see cref="InvalidDataException"/> if the text or the ranges are not valid, or a path of the design is not declared.</summary>
    public static (LoadedScenario Scenario, IReadOnlyList<UncertainParameter> Parameters) Load(
        ExperimentPlan plan, string scenarioText, string? uncertainFile, string? uncertainText, IReadOnlyList<string> paths)
    {
        LoadedScenario scenario;
        try
        {
            scenario = ScenarioLoader.Parse(scenarioText, plan.ScenarioFile, new HashSet<string>(plan.Variants, StringComparer.Ordinal));
            if (uncertainText is { } text)
            {
                scenario = UncertainLoader.WithText(scenario, text, uncertainFile ?? "uncertain.yaml");
            }
        }
        catch (ScenarioException e)
        {
            throw new InvalidDataException(string.Join("; ", e.Diagnostics.Select(d => d.ToString())));
        }

        var byPath = scenario.Definition.Uncertain.ToDictionary(u => u.Path, StringComparer.Ordinal);
        return (scenario, [.. paths.Select(path => byPath.GetValueOrDefault(path) ?? throw new InvalidDataException($"the design varies '{path}', which the ranges do not declare"))]);
    }

    /// <summary>The run of one cell of such a design: the plan's text and overrides, <paramref name="variant"/>, and the point's values to set in the text.</summary>
    public static RunSpec RunAt(ExperimentPlan plan, string scenarioText, string? variant, IReadOnlyList<(string Path, string Value)> set) =>
        new(scenarioText, plan.ScenarioFile, new ScenarioOverrides(plan.Seed, null, plan.HorizonDays, variant, plan.WarmupDays) { Set = set }, AgentOptions.Default);
}
