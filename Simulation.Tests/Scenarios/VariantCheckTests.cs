using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;
using IsdnSim.Scenario.Variants;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// The checks of a file's variants take shortcuts (a variant checked against the definition that
/// passed, side by side with the others): each must find exactly what the whole check, one
/// variant after another, finds.
/// </summary>
public sealed class VariantCheckTests
{
    private const string Region = """
        name: region
        start: 2025-01-01
        horizon: 1y
        handoff: 2d
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 2, roles: [fund] }] }
          - { id: lk-a, kind: district, parent: land, population: 60000, agencies: [{ id: building, staff: 10, roles: [permit] }] }
          - { id: lk-b, kind: district, parent: land, population: 40000, agencies: [{ id: building, staff: 6, roles: [permit] }] }
          - { id: big, kind: municipality, parent: lk-a, population: 30000, agencies: [{ id: office, staff: 3, roles: [plan] }, { id: council, roles: [decide], sessions: { every: 28d } }] }
          - { id: other, kind: municipality, parent: lk-b, population: 12000, agencies: [{ id: office, staff: 2, roles: [plan] }, { id: council, roles: [decide], sessions: { every: 28d } }] }
          - { id: rail, kind: national-operator, agencies: [{ id: team, staff: 2, roles: [rail] }] }
        processes:
          - id: p
            steps:
              - { id: plan, role: plan, effort: 3wd }
              - { id: decide, kind: council, role: decide, after: [plan] }
              - { id: permit, kind: approval, role: permit, effort: 4wd, after: [decide] }
        jurisdiction: { plan: self, decide: self, permit: district, fund: state, rail: rail }
        demand: [{ process: p, rate: 1/year }]
        """;

    private static readonly ScenarioDefinition Base = ScenarioLoader.Parse(Region, "region.yaml").Definition;

    private static readonly SourcePosition At = new(99, 3);

    public static TheoryData<string> Changes => ["none", "handoff", "group", "handoff+group", "agents", "agents+handoff", "jurisdiction", "demand"];

    /// <summary>The base with one kind of change that leaves problems behind.</summary>
    private static ScenarioDefinition Changed(string change)
    {
        var s = Base;
        foreach (var part in change.Split('+'))
        {
            s = part switch
            {
                "none" => s with { AppliedVariant = "v" },
                "handoff" => s with { Handoff = s.Handoff with { Rules = [.. s.Handoff.Rules, new HandoffRule("municipal", "gone", new CalendarDays(3), At)] } },
                "group" => s with { WorkingGroups = [new WorkingGroupDefinition("wg", [AgentSelector.One("gone")], new CalendarDays(14), CalendarDays.Zero) { Position = At }] },
                "agents" => s with { Agents = [.. s.Agents.Select(a => a.Id == "lk-b" ? a with { Agencies = [] } : a)] },
                "jurisdiction" => s with { Jurisdiction = [.. s.Jurisdiction.Where(j => j.Role != "permit"), new JurisdictionRule("permit", JurisdictionHolder.Named("rail"), new Dictionary<string, string>(), At)] },
                "demand" => s with { Demand = [.. s.Demand, s.Demand[0] with { Position = At }] },
                _ => throw new ArgumentOutOfRangeException(nameof(change)),
            };
        }

        return s;
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public void CheckAgainstWhatPassed_FindsWhatTheWholeCheckFinds(string change)
    {
        var changed = Changed(change);

        var whole = ScenarioChecks.Check(changed);

        ScenarioChecks.Check(changed, passed: Base).Should().Equal(whole);
        if (change != "none")
        {
            whole.Should().NotBeEmpty("each change leaves a problem, so the comparison means something");
        }
    }

    [Fact]
    public void AVariantWithoutOperations_HasNoProblems()
    {
        VariantBinder.Problems(Base, new VariantDefinition("empty", "empty", null, [], At)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("[lk-a, lk-b]", "big", "variant 'v': 'big' is already an agent; choose another id for the result")]
    [InlineData("[lk-a, big]", "x", "variant 'v': merge_districts: 'big' is a municipality, not a district")]
    [InlineData("[lk-b, lk-a]", "lk-a", null)]
    public void Merge_FindsItsDistrictsAndTheNewId_InOnePass(string districts, string into, string? problem)
    {
        var text = Region + $"\nvariants: [{{ id: v, operations: [{{ op: merge_districts, districts: {districts}, into: {into} }}] }}]\n";
        var parsed = ScenarioLoader.Parse(text, "region.yaml", variantsToCheck: new HashSet<string>()).Definition;

        var problems = VariantBinder.Problems(parsed, parsed.Variants[0]).Select(p => p.Message);

        problems.Should().Equal(problem is null ? [] : [problem]);
        if (problem is null)
        {
            VariantApplier.Apply(parsed, "v").Agents.Select(a => a.Id).Should().Equal("land", "lk-a", "big", "other", "rail");
        }
    }

    private const string BrokenVariants = """
            variants:
              - { id: quo, operations: [] }
              - { id: across, operations: [{ op: merge_districts, districts: [lk-a, big], into: x }] }
              - { id: fine, operations: [{ op: handoff, between: [municipal, district], latency: 5d }] }
              - { id: merged-away, operations: [{ op: merge_districts, districts: [lk-a, lk-b], into: lk-ab }, { op: working_group, id: wg, members: [lk-a, rail], every: 14d }] }
              - { id: twice, operations: [{ op: merge_districts, districts: [lk-a, lk-b], into: lk-ab }, { op: merge_districts, districts: [lk-a, lk-b], into: lk-c }] }
            """;

    [Fact]
    public void BrokenVariants_AreReportedAsOneAfterTheOtherWould()
    {
        var text = Region + "\n" + BrokenVariants;
        var checkedBase = ScenarioLoader.Parse(text, "region.yaml", variantsToCheck: new HashSet<string>()).Definition;
        var oneAfterTheOther = checkedBase.Variants
            .SelectMany(v => VariantBinder.Problems(checkedBase, v).Select(p => p.Message))
            .ToList();

        var act = () => ScenarioLoader.Parse(text, "region.yaml");

        oneAfterTheOther.Should().HaveCount(3);
        act.Should().Throw<ScenarioException>().Which.Diagnostics.Select(d => d.Message).Should().Equal(oneAfterTheOther);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("quo")]
    [InlineData("fine")]
    public void ForARun_TheOtherVariantsChecksFindWhatTheWholeCheckFinds_AfterTheFileIsRead(string? variant)
    {
        using var dir = new TempDirectory();
        var path = dir.File("region.yaml");
        File.WriteAllText(path, Region + "\n" + BrokenVariants);
        var whole = () => ScenarioLoader.LoadFile(path);

        var loaded = ScenarioLoader.LoadFileForRun(path, variant, out var others);

        loaded.Definition.Variants.Should().HaveCount(5, "the file and the run's variant passed, so the file is read");
        others.Variants.Should().Equal(new[] { "quo", "across", "fine", "merged-away", "twice" }.Where(v => v != variant));
        others.IsStarted.Should().BeTrue("the other variants' checks start beside the file's own, once its definition is bound");
        var expected = whole.Should().Throw<ScenarioException>().Which.Diagnostics;
        others.Wait().Should().NotBeNull().And.Subject.As<ScenarioException>().Diagnostics.Should().Equal(expected);
        ScenarioLoader.ParseForRun(loaded.Text, path, variant).Should().BeSameAs(loaded, "the run compiles what was read");
    }

    [Fact]
    public void ABoundDefinition_IsToldBeforeTheChecksOfTheWhole_SoThatARunsOtherVariantsAreCheckedBesideThem()
    {
        // A role no agency lists is found by the check of the whole, after binding: the definition
        // was told already (a run starts its other variants' checks there), and the file is refused.
        var path = Path.Combine(Repository.Root, "Simulation.Tests", "BadScenarios", "role-not-held.yaml");
        ScenarioDefinition? told = null;

        var parse = () => ScenarioLoader.Parse(File.ReadAllText(path), path, new HashSet<string>(), bound: d => told = d);

        parse.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle()
            .Which.Message.Should().Contain("none of the agencies of 'lk' lists role 'permit'");
        told.Should().NotBeNull();
        var forRun = () => ScenarioLoader.LoadFileForRun(path, null, out _);
        forRun.Should().Throw<ScenarioException>().Which.Diagnostics.Should().ContainSingle();
    }

    [Theory]
    [InlineData("across")]
    [InlineData("twice")]
    public void ForARunOfABrokenVariant_TheFileIsRefusedAsTheWholeCheckRefusesIt(string variant)
    {
        using var dir = new TempDirectory();
        var path = dir.File("region.yaml");
        File.WriteAllText(path, Region + "\n" + BrokenVariants);
        var expected = ((Action)(() => ScenarioLoader.LoadFile(path))).Should().Throw<ScenarioException>().Which.Diagnostics;

        var forRun = () => ScenarioLoader.LoadFileForRun(path, variant, out _);

        forRun.Should().Throw<ScenarioException>().Which.Diagnostics.Should().Equal(expected);
    }

    [Fact]
    public void ForARunOfAVariantTheFileLacks_EveryVariantIsLeftToTheChecksAlongside()
    {
        // The command line then says the variant is unknown, unless a variant's check fails first.
        using var dir = new TempDirectory();
        var path = dir.File("region.yaml");
        File.WriteAllText(path, Region + "\n" + BrokenVariants);
        var expected = ((Action)(() => ScenarioLoader.LoadFile(path))).Should().Throw<ScenarioException>().Which.Diagnostics;

        ScenarioLoader.LoadFileForRun(path, "nosuch", out var others);

        others.Variants.Should().HaveCount(5);
        others.Wait()!.Diagnostics.Should().Equal(expected);
    }

    [Fact]
    public void ForARunOfAFileWhoseVariantsPass_NothingIsLeftToReport()
    {
        using var dir = new TempDirectory();
        var path = dir.File("region.yaml");
        File.WriteAllText(path, Region + "\nvariants: [{ id: quo, operations: [] }, { id: slow, operations: [{ op: handoff, between: [municipal, district], latency: 5d }] }]\n");

        ScenarioLoader.LoadFileForRun(path, null, out var others);

        others.Variants.Should().Equal("quo", "slow");
        others.Wait().Should().BeNull();
    }
}
