using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Scenario.Uncertainty;

/// <summary>
/// A scenario with its uncertain parameters set to given values, the way <c>sweep --set</c> sets
/// them: each value's text (in the unit of the parameter's range: "9.5wd", "0.375/day", "2.5mo")
/// is written at each of the parameter's paths in the scenario's text (<see cref="ScenarioPatch"/>),
/// and the text is then read as any scenario. So a design on the unit hypercube becomes one
/// scenario per design point, each checked and compiled as a run would be.
/// </summary>
public static class UncertainScenario
{
    /// <summary>The parameters' values at <paramref name="point"/> of the unit hypercube, one coordinate per parameter, in order.</summary>
    public static IReadOnlyList<UncertainValue> At(IReadOnlyList<UncertainParameter> parameters, IReadOnlyList<double> point)
    {
        if (point.Count != parameters.Count)
        {
            throw new ArgumentException($"a point of {point.Count} coordinates for {parameters.Count} parameters", nameof(point));
        }

        return [.. parameters.Select((p, i) => p.At(point[i]))];
    }

    /// <summary>What <c>sweep --set</c> would be given for these values: (path, text) for every path of every parameter.</summary>
    public static IReadOnlyList<(string Path, string Value)> Assignments(IEnumerable<UncertainValue> values) =>
        [.. values.SelectMany(v => v.Parameter.Paths.Select(path => (path, v.Text)))];

    /// <summary>The scenario text with <paramref name="values"/> set; every other character as it was.</summary>
    public static string Apply(string scenarioText, IEnumerable<UncertainValue> values) =>
        ScenarioPatch.Apply(scenarioText, Assignments(values));

    /// <summary>
    /// The scenario with <paramref name="values"/> set, read and checked (every variant applied);
    /// throws <see cref="Diagnostics.ScenarioException"/> if that is not a valid scenario.
    /// </summary>
    public static LoadedScenario Load(LoadedScenario scenario, IEnumerable<UncertainValue> values) =>
        ScenarioLoader.Parse(Apply(scenario.Text, values), scenario.File);
}
