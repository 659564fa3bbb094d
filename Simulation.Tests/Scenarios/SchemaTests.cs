using System.Text.Json;
using System.Text.Json.Nodes;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Language;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;
using Json.Schema;

namespace IsdnSim.Tests.Scenarios;

/// <summary>The JSON Schema in scenarios/ is what editors use; it must say the same as the loader.</summary>
public sealed class SchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Repository.Scenario("scenario.schema.json")))!;

    // Parsed once: the library registers every schema it reads and refuses to read one twice.
    private static readonly JsonSchema Compiled = JsonSchema.FromText(Schema.ToJsonString());

    public static TheoryData<string> ShippedScenarios =>
        new(Directory.GetFiles(Path.Combine(Repository.Root, "scenarios"), "*.yaml").Select(Path.GetFileName).Order()!);

    [Fact]
    public void Schema_ListsExactlyTheKeysTheLoaderAccepts()
    {
        Keys(Schema["properties"]).Should().BeEquivalentTo(ScenarioKeys.Root);
        var d = Schema["definitions"]!;
        Keys(d["calendar"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Calendar);
        Keys(d["agent"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Agent);
        Keys(d["agency"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Agency);
        Keys(d["process"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Process);
        Keys(d["step"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Step);
        Keys(d["jurisdictionEntry"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.JurisdictionEntry);
        Keys(d["demand"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Demand);
        Keys(d["handoffRules"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Handoff);
        Keys(d["handoffRules"]!["properties"]!["rules"]!["items"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.HandoffRule);
        Keys(d["agency"]!["properties"]!["sessions"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Sessions);
        Keys(d["agency"]!["properties"]!["background"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Background);
        Keys(d["agency"]!["properties"]!["intake"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Intake);
        Keys(d["step"]!["properties"]!["rework"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Rework);
        Keys(d["step"]!["properties"]!["support"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Support);
        Keys(d["shock"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Shock);
        Keys(d["shock"]!["properties"]!["groups"]!["items"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.ShockGroup);
        Keys(d["workingGroup"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.WorkingGroup);
        Keys(d["variant"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Variant);
        Keys(d["costs"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Costs);
        Keys(d["costItem"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.CostItem);
        Keys(d["uncertainParameter"]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Uncertain);
        d["uncertainParameter"]!["oneOf"]!.AsArray().Select(o => o!["required"]![0]!.GetValue<string>()).Should().Equal(UncertainShapes.All);
        Keys(d["costs"]!["properties"]!["defaults"]!["properties"]).Should().BeEquivalentTo(AgentKinds.All);
        var absence = d["absence"]!["oneOf"]![1]!["properties"]!;
        Keys(absence).Should().BeEquivalentTo(ScenarioKeys.Absence);
        Keys(absence["illness"]!["oneOf"]![1]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.AbsenceCause);
        Keys(absence["leave"]!["oneOf"]![1]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.AbsenceCause);
        Keys(absence["vacancy"]!["oneOf"]![1]!["properties"]).Should().BeEquivalentTo(ScenarioKeys.Vacancy);
        d["step"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()).Should().Equal(StepKinds.All);

        var operations = d["operation"]!["oneOf"]!.AsArray()
            .ToDictionary(o => o!["properties"]!["op"]!["const"]!.GetValue<string>(), o => Keys(o!["properties"]));
        operations.Keys.Should().BeEquivalentTo(VariantOperations.Names);
        foreach (var op in VariantOperations.All)
        {
            operations[op.Name].Should().BeEquivalentTo(op.Keys, $"the schema of the {op.Name} operation");
        }

        var distributions = d["effort"]!["oneOf"]!.AsArray().Where(o => o!["properties"] is not null)
            .ToDictionary(o => o!["properties"]!["dist"]!["const"]!.GetValue<string>(), o => Keys(o!["properties"]));
        distributions.Keys.Should().BeEquivalentTo(ScenarioKeys.Distributions.Keys);
        foreach (var (dist, keys) in ScenarioKeys.Distributions)
        {
            distributions[dist].Should().BeEquivalentTo(keys, $"the schema of a {dist} distribution");
        }

        d["agent"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => k!.GetValue<string>()).Should().BeEquivalentTo(AgentKinds.All);
    }

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void ShippedScenario_ConformsToTheSchema(string file)
    {
        var result = Evaluate(File.ReadAllText(Repository.Scenario(file)));

        result.IsValid.Should().BeTrue(string.Join("; ", Errors(result)));
    }

    [Theory]
    [InlineData("unknown-key.yaml")]
    [InlineData("effort-calendar-unit.yaml")]
    [InlineData("bad-rate.yaml")]
    [InlineData("wrong-kind.yaml")]
    public void BadScenario_IsAlsoRejectedByTheSchema(string file)
    {
        Evaluate(File.ReadAllText(Repository.BadScenario(file))).IsValid.Should().BeFalse();
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        using var document = JsonDocument.Parse(YamlToJson.Convert(yaml)!.ToJsonString());
        return Compiled.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static IEnumerable<string> Errors(EvaluationResults results) =>
        (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));

    private static IEnumerable<string> Keys(JsonNode? properties) => properties!.AsObject().Select(p => p.Key);
}
