using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Scenario.Uncertainty;

/// <summary>
/// What <c>isdnsim assumptions</c> lists: every ASSUMPTION label of the scenario file with the
/// values it covers and the range each has in the uncertain section (if any), the labels none of
/// whose values has a range, and the ranges marked <c>assumption: true</c> on values no label covers.
/// </summary>
/// <param name="Ranges">For each labelled value, the uncertain parameters that set it (by the value's place in the text).</param>
public sealed record AssumptionList(
    IReadOnlyList<AssumptionLabel> Labels,
    IReadOnlyDictionary<LabelledValue, IReadOnlyList<UncertainParameter>> Ranges,
    IReadOnlyList<UncertainParameter> UnlabelledAssumptions)
{
    public static AssumptionList Of(LoadedScenario scenario)
    {
        var labels = AssumptionLabels.Find(scenario.Text);
        var root = ScenarioLoader.LoadYaml(scenario.Text, scenario.File).Documents[0].RootNode;

        // Where each parameter's values are written in the scenario text.
        var places = scenario.Definition.Uncertain
            .SelectMany(p => p.Paths.Select(path => (Parameter: p, Node: ScenarioPatch.Locate(root, path, out _))))
            .Where(x => x.Node is not null)
            .Select(x => (x.Parameter, Index: (int)x.Node!.Start.Index))
            .ToList();
        var ranges = new Dictionary<LabelledValue, IReadOnlyList<UncertainParameter>>();
        foreach (var value in labels.SelectMany(l => l.Values))
        {
            ranges[value] = [.. places.Where(x => x.Index >= value.Start && x.Index < Math.Max(value.End, value.Start + 1)).Select(x => x.Parameter).Distinct()];
        }

        var covered = ranges.Values.SelectMany(r => r).ToHashSet();
        return new AssumptionList(labels, ranges, [.. scenario.Definition.Uncertain.Where(p => p.Assumption && !covered.Contains(p))]);
    }

    /// <summary>Labels that cover values none of which has a range.</summary>
    public IReadOnlyList<AssumptionLabel> WithoutRange => [.. Labels.Where(l => l.Values.Count > 0 && l.Values.All(v => Ranges[v].Count == 0))];

    /// <summary>Labels that cover no value (a label above a blank line, or naming keys the entry does not have).</summary>
    public IReadOnlyList<AssumptionLabel> CoveringNothing => [.. Labels.Where(l => l.Values.Count == 0)];
}
