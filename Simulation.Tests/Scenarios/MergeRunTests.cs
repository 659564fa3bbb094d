using System.Text.Json;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// A variant's run of merges is applied in one go (<see cref="MergeDistricts.ApplyAll"/>): it
/// must give what the merges give one after the other, value for value, and fail where they fail
/// with the same message.
/// </summary>
public sealed class MergeRunTests
{
    private const string Region = """
        name: region
        start: 2025-01-01
        horizon: 1y
        handoff: 2d
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 2, roles: [fund] }] }
          - { id: other-land, kind: state, agencies: [{ id: funding, staff: 2, roles: [fund] }] }
          - { id: lk-a, kind: district, parent: land, population: 60000, agencies: [{ id: building, staff: 10, roles: [permit] }, { id: kreistag, roles: [county], sessions: { every: 28d, agenda: 5 } }] }
          - { id: lk-b, kind: district, parent: land, population: 40000, agencies: [{ id: building, staff: 6, productivity: 0.8, roles: [permit] }, { id: kreistag, roles: [county], sessions: { every: 28d, agenda: 7 } }] }
          - { id: lk-c, kind: district, parent: land, population: 30000, agencies: [{ id: building, staff: 5, roles: [permit] }] }
          - { id: lk-d, kind: district, parent: land, population: 20000, agencies: [{ id: building, staff: 4, roles: [permit] }] }
          - { id: lk-e, kind: district, parent: other-land, population: 50000, agencies: [{ id: building, staff: 8, roles: [permit] }] }
          - { id: m-a, kind: municipality, parent: lk-a, population: 9000, agencies: [{ id: office, staff: 3, roles: [plan] }] }
          - { id: m-b, kind: municipality, parent: lk-b, population: 8000, agencies: [{ id: office, staff: 2, roles: [plan] }] }
          - { id: m-c, kind: municipality, parent: lk-c, population: 7000, agencies: [{ id: office, staff: 2, roles: [plan] }] }
          - { id: m-d, kind: municipality, parent: lk-d, population: 6000, agencies: [{ id: office, staff: 2, roles: [plan] }] }
          - { id: m-e, kind: municipality, parent: lk-e, population: 5000, agencies: [{ id: office, staff: 2, roles: [plan] }] }
        processes:
          - id: p
            steps:
              - { id: plan, role: plan, effort: 3wd }
              - { id: permit, kind: approval, role: permit, effort: 4wd, after: [plan] }
        jurisdiction:
          plan: self
          permit: { holder: district, overrides: { m-c: lk-b } }
          fund: state
          county: lk-a
        demand: [{ process: p, rate: 1/year }]
        """;

    private static readonly ScenarioDefinition Base = ScenarioLoader.Parse(Region, "region.yaml").Definition with
    {
        Handoff = new HandoffDefinition(new CalendarDays(2), [new HandoffRule("lk-b", "municipal", new CalendarDays(3), new SourcePosition(1, 1))]),
    };

    private static MergeDistricts Merge(string into, params string[] districts) =>
        new(districts, into, $"{into} (merged)", 0.9, new CalendarDays(3), new SourcePosition(50 + districts.Length, 7));

    public static TheoryData<string> Runs => [.. RunsByName.Keys];

    private static readonly Dictionary<string, MergeDistricts[]> RunsByName = new()
    {
        ["pairs"] = [Merge("ab", "lk-a", "lk-b"), Merge("cd", "lk-c", "lk-d")],
        ["chain"] = [Merge("ab", "lk-a", "lk-b"), Merge("abc", "ab", "lk-c"), Merge("lk-d", "abc", "lk-d")],
        ["into the first"] = [Merge("lk-a", "lk-a", "lk-b"), Merge("x", "lk-a", "lk-c"), Merge("lk-d", "x", "lk-d")],
        ["the same district twice"] = [Merge("aa", "lk-a", "lk-a"), Merge("bb", "lk-b", "lk-c")],
        ["three at once"] = [Merge("abc", "lk-c", "lk-a", "lk-b"), Merge("all", "lk-d", "abc")],
        ["merged away before"] = [Merge("ab", "lk-a", "lk-b"), Merge("ac", "lk-a", "lk-c")],
        ["into taken"] = [Merge("ab", "lk-a", "lk-b"), Merge("ab", "lk-c", "lk-d")],
        ["into taken by a municipality"] = [Merge("ab", "lk-a", "lk-b"), Merge("m-e", "lk-c", "lk-d")],
        ["another state"] = [Merge("ab", "lk-a", "lk-b"), Merge("abe", "ab", "lk-e")],
        ["not a district"] = [Merge("ab", "lk-a", "lk-b"), Merge("cm", "lk-c", "m-c")],
        ["missing"] = [Merge("ab", "lk-a", "lk-b"), Merge("cz", "lk-c", "lk-z")],
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void ARunOfMerges_GivesWhatOneAfterTheOtherGives(string run)
    {
        var scenario = WithVariant(Base, RunsByName[run]);

        Outcome(() => VariantApplier.Apply(scenario, "v")).Should().Be(Outcome(() => OneAfterTheOther(scenario, "v")));
    }

    [Fact]
    public void AgentsWithTheSameId_AreMergedOneAfterTheOther()
    {
        var twice = Base with { Agents = [.. Base.Agents, Base.Agents.Single(a => a.Id == "lk-b") with { Population = 1 }] };
        var scenario = WithVariant(twice, RunsByName["chain"]);

        Outcome(() => VariantApplier.Apply(scenario, "v")).Should().Be(Outcome(() => OneAfterTheOther(scenario, "v")));
    }

    public static TheoryData<string> ShippedScenarios => [.. Directory.GetFiles(Path.Combine(Repository.Root, "scenarios"), "*.yaml").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(ShippedScenarios))]
    public void ShippedVariants_AreAppliedAsOneOperationAfterTheOther(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Repository.Scenario(file)).Definition;
        if (file is "germany.yaml" or "brandenburg.yaml")
        {
            scenario.Variants.Should().Contain(v => v.Operations.OfType<MergeDistricts>().Count() > 1, "the file has a run of merges to compare");
        }

        foreach (var variant in scenario.Variants)
        {
            Outcome(() => VariantApplier.Apply(scenario, variant.Id)).Should().Be(Outcome(() => OneAfterTheOther(scenario, variant.Id)), variant.Id);
        }
    }

    private static ScenarioDefinition WithVariant(ScenarioDefinition s, IReadOnlyList<VariantOperation> operations) =>
        s with { Variants = [new VariantDefinition("v", "V", null, operations, new SourcePosition(40, 5))] };

    /// <summary>The operations applied one by one, as before runs of merges were applied in one go.</summary>
    private static ScenarioDefinition OneAfterTheOther(ScenarioDefinition s, string variantId)
    {
        var variant = s.Variants.Single(v => v.Id == variantId);
        return variant.Operations.Aggregate(s, (result, op) => op.Apply(result, variant)) with { AppliedVariant = variant.Id };
    }

    /// <summary>The definition made, every value of it written out, or the problems reported.</summary>
    private static string Outcome(Func<ScenarioDefinition> apply)
    {
        try
        {
            // The ranges of uncertain values are left out: no operation changes them, and a uniform range has no mode to write.
            return JsonSerializer.Serialize(apply() with { Uncertain = [] }, Json);
        }
        catch (ScenarioException e)
        {
            return "failed: " + string.Join("\n", e.Diagnostics.Select(d => $"{d.Position.Line}:{d.Position.Column} {d.Message}"));
        }
    }

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
    };
}
