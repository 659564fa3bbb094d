using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// Reads an --uncertain file: a YAML file with the <c>uncertain:</c> section alone, so that ranges
/// can be kept apart from a scenario. Its section replaces the scenario's own as a whole (the
/// scenario's entries are not used, not merged), and is checked against the scenario as the
/// scenario's own would be.
/// </summary>
public static class UncertainLoader
{
    /// <summary>
    /// <paramref name="scenario"/> with the ranges of the file at <paramref name="path"/>; throws
    /// <see cref="ScenarioException"/> with every problem, at its line and column in that file.
    /// </summary>
    public static LoadedScenario WithFile(LoadedScenario scenario, string path) => WithText(scenario, ScenarioFileReader.Read(path), path);

    /// <summary>As <see cref="WithFile"/>, for the text of such a file; <paramref name="file"/> names it in messages.</summary>
    public static LoadedScenario WithText(LoadedScenario scenario, string text, string file)
    {
        var reader = new YamlReader(file);
        List<UncertainParameter>? parameters = null;
        if (ScenarioLoader.ReadRoot(reader, text, "the file is empty; an uncertain file holds an 'uncertain:' section (docs/scenario-format.md)") is { } node
            && reader.Mapping(node, "an uncertain file (uncertain: and its entries)") is { } root)
        {
            parameters = Bind(reader, root, scenario);
        }

        if (reader.HasErrors || parameters is null)
        {
            throw new ScenarioException([.. reader.Diagnostics.OrderBy(d => d.Position.Line).ThenBy(d => d.Position.Column)]);
        }

        return scenario with { Definition = scenario.Definition with { Uncertain = parameters }, UncertainFrom = (file, text) };
    }

    private static List<UncertainParameter>? Bind(YamlReader reader, YamlMappingNode root, LoadedScenario scenario)
    {
        reader.CheckKeys(root, "an uncertain file", ScenarioKeys.UncertainFile);
        if (reader.Require(root, "uncertain", "an uncertain file", " (it holds the section as a scenario would)") is not { } section)
        {
            return null;
        }

        var scenarioRoot = ScenarioLoader.LoadYaml(scenario.Text, scenario.File).Documents[0].RootNode;
        return new UncertainBinder(reader, scenarioRoot, scenario.Definition.Calendar.HoursPerDay).Bind(section);
    }
}
