using IsdnSim.Runner.Hosting;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Cli;

/// <summary>isdnsim assumptions and the uncertain ranges in validate, with --uncertain FILE.</summary>
public sealed class UncertainCliTests : CliTest
{
    private const string Labelled = """
        # A small region. Figures marked ASSUMPTION have no source.
        name: Labels
        start: 2025-01-01
        horizon: 1y
        handoff: 2d                      # ASSUMPTION: registry and mail
        agents:
          - id: lk
            kind: district
            agencies:
              # ASSUMPTION: two posts for these projects
              - { id: building, name: Bauaufsicht, staff: 2, roles: [permit] }
          - id: town
            kind: municipality
            parent: lk
            population: 1800                # Destatis
            agencies:
              - { id: office, staff: 1, queue: fifo, roles: [plan] }
        processes:
          - id: path
            steps:
              - { id: plan, role: plan, effort: { dist: lognormal, mean: 10wd, sd: 4wd } }   # ASSUMPTION: `mean` from one office's estimate
              - { id: permit, role: permit, after: [plan], effort: 5wd }
        jurisdiction:
          plan: self
          permit: district
        # The demand (ASSUMPTION: one path a year).

        demand:
          - { process: path, rate: 1/year }
        uncertain:
          handoff:
            uniform: [1d, 5d]
            assumption: true
            note: registry and mail, nothing measured
          processes.path.steps.permit.effort:
            triangular: [3wd, 5wd, 10wd]
            assumption: true

        """;

    /// <summary>Writes <see cref="Labelled"/> to the scratch folder and returns its path.</summary>
    private string Labels()
    {
        var file = Dir.File("labels.yaml");
        File.WriteAllText(file, Labelled);
        return file;
    }

    /// <summary>Writes an --uncertain file with <paramref name="text"/> and returns its path.</summary>
    private string Ranges(string text)
    {
        var file = Dir.File("ranges.yaml");
        File.WriteAllText(file, text);
        return file;
    }

    [Fact]
    public async Task Assumptions_ListsEachLabelsValues_WithTheirRanges_AndSaysWhichHaveNone()
    {
        var file = Labels();

        var exit = await Isdnsim("assumptions", file);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Out.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Should().Equal(
            $"{file}: 4 ASSUMPTION labels covering 3 values; 1 with a range, 2 without.",
            "",
            "line 5: ASSUMPTION: registry and mail",
            "  handoff = 2d: uniform [1d, 5d] (assumption)",
            "",
            "line 10: ASSUMPTION: two posts for these projects",
            "  agents.lk.agencies.building.staff = 2: no range",
            "",
            "line 21: ASSUMPTION: `mean` from one office's estimate",
            "  processes.path.steps.plan.effort.mean = 10wd: no range",
            "",
            "Ranges marked assumption: true on values no label covers:",
            "  processes.path.steps.permit.effort: triangular [3wd, 5wd, 10wd] (assumption)",
            "",
            "ASSUMPTIONs without a range (2):",
            "  line 10: agents.lk.agencies.building.staff (ASSUMPTION: two posts for these projects)",
            "  line 21: processes.path.steps.plan.effort.mean (ASSUMPTION: `mean` from one office's estimate)",
            "Labels that cover no value (1; put the label at the end of the value's line, or on the line right above its entry):",
            "  line 26: ASSUMPTION: one path a year",
            "");
    }

    [Fact]
    public async Task Assumptions_WithAnUncertainFile_TakeItsRanges()
    {
        var (file, ranges) = (Labels(), Ranges("uncertain:\n  agents.lk.agencies.building.staff:\n    discrete: [1, 2, 4]\n    source: the test's own figure\n"));

        var exit = await Isdnsim("assumptions", file, "--uncertain", ranges);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Out.ToString().Should().Contain("  agents.lk.agencies.building.staff = 2: discrete [1, 2, 4] (source: the test's own figure)\n")
            .And.Contain("  handoff = 2d: no range\n", "the file's ranges replace the scenario's");
    }

    [Fact]
    public async Task Validate_ChecksTheRanges_AndSaysHowManyValuesItTried()
    {
        var file = Labels();

        var exit = await Isdnsim("validate", file);

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Out.ToString().Should().Contain(
            "2 uncertain parameters: ok: paths, units and ranges; each of 5 values (the ends of every range, every value of every list) gives a valid scenario");
    }

    [Fact]
    public async Task Validate_ReportsARangeThatBreaksTheScenario_AtItsEntryInTheUncertainFile_AndExitsWith2()
    {
        var (file, ranges) = (Labels(), Ranges("# staff\nuncertain:\n  agents.lk.agencies.building.staff:\n    uniform: [0, 3]\n    assumption: true\n"));

        var exit = await Isdnsim("validate", file, "--uncertain", ranges);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Split('\n').Should().StartWith([
            $"{ranges}:3:3: error: uncertain: agents.lk.agencies.building.staff = 0 (the low end) does not give a valid scenario: " +
            $"{file}:11:51: the staff of agency 'building' of agent 'lk' must be between 1 and 100,000 (an agency needs at least one person), found '0'",
            "1 value of the uncertain ranges does not give a valid scenario; nothing was run."]);
        Out.ToString().Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_ReportsABadUncertainFile_InItsOwnLines()
    {
        var (file, ranges) = (Labels(), Ranges("uncertain:\n  handoff:\n    uniform: [5d, 1d]\n"));

        var exit = await Isdnsim("validate", file, "--uncertain", ranges);

        exit.Should().Be(ExitCodes.BadInput);
        Err.ToString().Split('\n').Should().StartWith([
            $"{ranges}:3:14: error: the uniform range of handoff needs low < high, found [5d, 1d]",
            $"1 problem in {ranges}; nothing was run."]);
    }

    [Theory]
    [InlineData("rural-district.yaml")]
    [InlineData("city.yaml")]
    public async Task TheShippedRanges_AreValid_AndCoverEveryAssumption(string scenario)
    {
        var exit = await Isdnsim("assumptions", Repository.Scenario(scenario));

        exit.Should().Be(ExitCodes.Ok, Err.ToString());
        Out.ToString().Should().Contain("Every ASSUMPTION label has a range on at least one of its values.").And.NotContain("Labels that cover no value");
    }

    [Theory]
    [InlineData("rural-district.yaml", "rural-district-key.yaml")]
    [InlineData("city.yaml", "city-key.yaml")]
    public void TheKeyRanges_AreTheScenariosOwn(string file, string keyFile)
    {
        var scenario = Runs.Load(file);
        var key = Scenario.Language.UncertainLoader.WithFile(scenario, Repository.Scenario(Path.Combine("uncertain", keyFile)));

        key.Definition.Uncertain.Should().HaveCount(8);
        foreach (var p in key.Definition.Uncertain)
        {
            var own = scenario.Definition.Uncertain.Single(o => o.Path == p.Path);
            (p.Distribution.Shape, p.Quantity, p.Source, p.Assumption, p.Note).Should().Be((own.Distribution.Shape, own.Quantity, own.Source, own.Assumption, own.Note), p.Path);
            p.Distribution.Written.Should().Equal(own.Distribution.Written, p.Path);
            p.Also.Should().Equal(own.Also, p.Path);
        }
    }
}
