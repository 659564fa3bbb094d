using IsdnSim.Analysis.Experiments;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;
using IsdnSim.Scenario.Uncertainty;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// The uncertain: section: what an entry becomes, every way an entry can be wrong (with the
/// position and words of the message), the ranges whose values break the scenario, an
/// --uncertain file, and that setting a value is what sweep --set does.
/// </summary>
public sealed class UncertainTests
{
    /// <summary>A small valid scenario; the tests add an uncertain: section at its end.</summary>
    internal const string Base = """
        name: Uncertain example
        start: 2025-01-01
        horizon: 2y
        handoff: 2d
        agents:
          - id: lk
            kind: district
            agencies:
              - { id: building, staff: 4, roles: [permit] }
          - id: town
            kind: municipality
            parent: lk
            population: 1800
            agencies:
              - { id: office, staff: 2, queue: fifo, roles: [plan] }
        processes:
          - id: cycle-path
            steps:
              - { id: plan, role: plan, effort: { dist: lognormal, mean: 10wd, sd: 4wd } }
              - { id: permit, role: permit, after: [plan], effort: 5wd }
        jurisdiction:
          plan: self
          permit: district
        demand:
          - process: cycle-path
            rate: 2/year
        variants:
          - id: status-quo
            operations: []
          - id: cut
            operations:
              - { op: scale_staff, kind: district, factor: 0.5 }

        """;

    /// <summary>The first line after <see cref="Base"/>: where an added uncertain: section starts.</summary>
    private static readonly int First = Base.Split('\n').Length;

    private const string Section = """
        uncertain:
          processes.cycle-path.steps.plan.effort.mean:
            uniform: [6wd, 14wd]
            assumption: true
            note: nothing bounds it
          demand.0.rate:
            loguniform: [1/year, 4/year]
            source: Example survey, 2025
          handoff:
            triangular: [1d, 2d, 5d]
            assumption: true
          agents.town.agencies.office.queue:
            discrete: [fifo, priority]
          agents.lk.agencies.building.staff:
            uniform: [3, 6]
          processes.cycle-path.steps.permit.effort:
            discrete: [3wd, 5wd, 1ww]
            also: [processes.cycle-path.steps.plan.effort.sd]
        """;

    private static LoadedScenario Load(string section) => ScenarioLoader.Parse(Base + section, "inline.yaml");

    [Fact]
    public void AnEntry_IsItsPath_ItsDistributionInCanonicalUnits_ItsOrigin_AndWhereItIsWritten()
    {
        var uncertain = Load(Section).Definition.Uncertain;

        uncertain.Select(p => p.Path).Should().Equal(
            "processes.cycle-path.steps.plan.effort.mean", "demand.0.rate", "handoff", "agents.town.agencies.office.queue",
            "agents.lk.agencies.building.staff", "processes.cycle-path.steps.permit.effort");
        var effort = uncertain[0];
        (effort.Distribution.Shape, effort.Quantity.Kind, effort.Quantity.Unit, effort.Quantity.CanonicalUnit).Should().Be((UncertainShape.Uniform, QuantityKind.WorkingTime, "wd", "wd"));
        effort.Distribution.Numbers.Should().Equal(6, 14);
        (effort.Assumption, effort.Source, effort.Note).Should().Be((true, (string?)null, "nothing bounds it"));
        (effort.File, effort.Position).Should().Be(("inline.yaml", new SourcePosition(First + 1, 3)));

        // Rates are held per day, calendar time in days: 1/year is 1/365.2425 per day.
        var rate = uncertain[1];
        (rate.Distribution.Shape, rate.Quantity.Kind, rate.Quantity.Unit, rate.Source).Should().Be((UncertainShape.LogUniform, QuantityKind.Rate, "/year", "Example survey, 2025"));
        rate.Distribution.Numbers.Should().Equal(1 / CalendarConstants.DaysPerYear, 4 / CalendarConstants.DaysPerYear);
        uncertain[2].Distribution.Numbers.Should().Equal(1, 2, 5);
        (uncertain[2].Quantity.Kind, uncertain[2].Distribution.Mode).Should().Be((QuantityKind.CalendarTime, 2));

        // A word takes only a list; a whole number stays whole.
        (uncertain[3].Quantity.Kind, uncertain[3].Distribution.Written.Count).Should().Be((QuantityKind.Text, 2));
        uncertain[3].Distribution.Numbers.Should().OnlyContain(n => double.IsNaN(n));
        uncertain[4].Quantity.Kind.Should().Be(QuantityKind.WholeNumber);

        // A list keeps each value as written and holds its number in working days (1ww = 5wd); also: paths take the same value.
        uncertain[5].Distribution.Numbers.Should().Equal(3, 5, 5);
        uncertain[5].Distribution.Written.Should().Equal("3wd", "5wd", "1ww");
        uncertain[5].Paths.Should().Equal("processes.cycle-path.steps.permit.effort", "processes.cycle-path.steps.plan.effort.sd");
    }

    [Fact]
    public void AScenarioWithout_TheSection_HasNoUncertainParameters()
    {
        Load("").Definition.Uncertain.Should().BeEmpty();
    }

    [Theory]
    [InlineData("  handoff:\n    normal: [1d, 2d]\n", 2, 5,
        "unknown key 'normal' in the uncertain parameter handoff (expected one of: uniform, triangular, loguniform, discrete, also, source, assumption, note)")]
    [InlineData("  handoff:\n    note: no distribution\n", 2, 5,
        "the uncertain parameter handoff needs one distribution: uniform: [low, high], triangular: [low, mode, high], loguniform: [low, high] or discrete: [a, b, ...]")]
    [InlineData("  handoff:\n    uniform: [1d, 3d]\n    discrete: [1d, 3d]\n", 3, 5, "the uncertain parameter handoff has two distributions (uniform and discrete); give one")]
    [InlineData("  handoff:\n    uniform: [1d]\n", 2, 14, "the uniform distribution of handoff needs two values [low, high], found 1 value")]
    [InlineData("  handoff:\n    triangular: [1d, 3d]\n", 2, 17, "the triangular distribution of handoff needs three values [low, mode, high], found 2 values")]
    [InlineData("  handoff:\n    discrete: [1d]\n", 2, 15, "the discrete distribution of handoff needs at least two values, found 1")]
    [InlineData("  handoff:\n    uniform: [5d, 1d]\n", 2, 14, "the uniform range of handoff needs low < high, found [5d, 1d]")]
    [InlineData("  handoff:\n    triangular: [1d, 6d, 5d]\n", 2, 17, "the triangular range of handoff needs its mode between low and high, found [1d, 6d, 5d]")]
    [InlineData("  demand.0.rate:\n    loguniform: [0/year, 4/year]\n", 2, 17, "the loguniform range of demand.0.rate needs low > 0 (its logarithm), found [0/year, 4/year]")]
    [InlineData("  processes.cycle-path.steps.plan.effort.mean:\n    uniform: [6wd, 14d]\n", 2, 20,
        "uncertain: processes.cycle-path.steps.plan.effort.mean holds working time ('10wd' in the file): '14d' is calendar time, but an effort is working time: did you mean '14wd'? (units: '5wd' (working days), '2ww' (working weeks), '6h' or '90min')")]
    [InlineData("  demand.0.rate:\n    uniform: [1/year, 4]\n", 2, 23,
        "uncertain: demand.0.rate holds a rate ('2/year' in the file): '4' has no unit; write a rate such as '12/year', '1/month', '0.5/week' or '2.7/day'")]
    [InlineData("  handoff:\n    uniform: [1wd, 3d]\n", 2, 15,
        "uncertain: handoff holds calendar time ('2d' in the file): '1wd' is working time, but a calendar duration is expected here: did you mean '1d'?")]
    [InlineData("  agents.lk.agencies.buildng.staff:\n    uniform: [3, 6]\n", 1, 3,
        "uncertain: agents.lk.agencies.buildng.staff: no item 'buildng' in the list at agents.lk.agencies; did you mean 'building'? (items are named by id, or by position from 0)")]
    [InlineData("  agents.lk.agencies.building.roles:\n    discrete: [a, b]\n", 1, 3, "uncertain: agents.lk.agencies.building.roles: this is a list, not a single value")]
    [InlineData("  uncertain.handoff:\n    uniform: [1d, 3d]\n", 1, 3, "uncertain: uncertain.handoff is a path into the uncertain section itself; give a path to a value of the scenario")]
    [InlineData("  agents.town.agencies.office.queue:\n    uniform: [1, 2]\n", 2, 14, "agents.town.agencies.office.queue holds 'fifo', not a number; a range needs numbers: give its possible values as discrete: [...]")]
    [InlineData("  agents.lk.agencies.building.staff:\n    uniform: [3.5, 6]\n", 2, 15,
        "uncertain: agents.lk.agencies.building.staff holds a whole number ('4' in the file): expected a whole number, found '3.5'")]
    [InlineData("  handoff:\n    uniform: [1d, 3d]\n    source: Somebody, 2024\n    assumption: true\n", 4, 5,
        "the range of handoff has a source and is marked assumption: true; a range is either sourced or an ASSUMPTION (for a range with one sourced end, mark it assumption: true and cite the source in note:)")]
    [InlineData("  demand.0.rate:\n    uniform: [1/year, 3/year]\n  handoff:\n    uniform: [1d, 3d]\n    also: [demand.0.rate]\n", 5, 12,
        "uncertain: demand.0.rate is the value demand.0.rate (line FIRST) already makes uncertain; give each value one distribution")]
    [InlineData("  handoff:\n    uniform: [1d, 3d]\n    also: [processes.cycle-path.steps.permit.effort]\n", 3, 12,
        "also: processes.cycle-path.steps.permit.effort holds working time ('5wd' in the file), but handoff holds calendar time ('2d'); the paths of one parameter take the same value")]
    public void ABadEntry_IsReportedAtItsPlace_WithWhatIsExpected(string entries, int line, int column, string message)
    {
        var act = () => Load("uncertain:\n" + entries);

        var diagnostics = act.Should().Throw<ScenarioException>().Which.Diagnostics;
        diagnostics.Select(d => d.ToString()).Should().Equal($"inline.yaml:{First + line}:{column}: error: {message.Replace("FIRST", (First + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}");
    }

    [Fact]
    public void Validate_ReportsAtTheEntry_EachEndOfARangeThatBreaksTheScenario()
    {
        // Staff 0 is no agency; a handoff of half a day is shorter than the (default) lookahead of a day.
        var scenario = Load("uncertain:\n  agents.lk.agencies.building.staff:\n    uniform: [0, 6]\n  handoff:\n    discrete: [12h, 2d]\n");

        UncertainChecks.Check(scenario).Select(d => d.ToString()).Should().Equal(
            $"inline.yaml:{First + 1}:3: error: uncertain: agents.lk.agencies.building.staff = 0 (the low end) does not give a valid scenario: " +
            "inline.yaml:9:32: the staff of agency 'building' of agent 'lk' must be between 1 and 100,000 (an agency needs at least one person), found '0'",
            $"inline.yaml:{First + 3}:3: error: uncertain: handoff = 12h (a value of the list) does not give a valid scenario: " +
            "inline.yaml:4:10: handoff must not be shorter than lookahead (1d): no message may arrive sooner than the lookahead, found '12h'");
        UncertainChecks.Tried(scenario.Definition).Should().Be(4);
    }

    [Fact]
    public void Validate_FindsNothing_WhenEveryValueTriedGivesAValidScenario()
    {
        var scenario = Load(Section);

        UncertainChecks.Check(scenario).Should().BeEmpty();
        UncertainChecks.Tried(scenario.Definition).Should().Be(2 + 2 + 3 + 2 + 2 + 3);
    }

    [Fact]
    public void AnUncertainFile_ReplacesTheScenariosSection_AndIsReportedInItsOwnLines()
    {
        var scenario = Load(Section);

        var replaced = UncertainLoader.WithText(scenario, "# my ranges\nuncertain:\n  handoff:\n    uniform: [1d, 4d]\n", "mine.yaml");
        var wrong = () => UncertainLoader.WithText(scenario, "uncertain:\n  handof:\n    uniform: [1d, 4d]\n", "mine.yaml");
        var notASection = () => UncertainLoader.WithText(scenario, "handoff:\n  uniform: [1d, 4d]\n", "mine.yaml");

        replaced.Definition.Uncertain.Should().ContainSingle().Which.Should().Match<UncertainParameter>(p =>
            p.Path == "handoff" && p.File == "mine.yaml" && p.Position == new SourcePosition(3, 3));
        replaced.UncertainFrom!.Value.File.Should().Be("mine.yaml");
        wrong.Should().Throw<ScenarioException>().Which.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "mine.yaml:2:3: error: uncertain: handof: 'handof' is not a key at the top of the file; did you mean 'handoff'? (a value must be written in the file to be set)");
        notASection.Should().Throw<ScenarioException>().Which.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "mine.yaml:1:1: error: unknown key 'handoff' in an uncertain file (expected one of: uncertain)",
            "mine.yaml:1:1: error: missing required key 'uncertain' in an uncertain file (it holds the section as a scenario would)");
    }

    [Theory]
    [InlineData("demand.0.rate", "uniform: [0.125/day, 0.375/day]", 0.5, "0.25/day")]
    [InlineData("processes.cycle-path.steps.permit.effort", "uniform: [0.5wd, 1.5wd]", 0.5, "1wd")]
    [InlineData("handoff", "uniform: [2mo, 4mo]", 0.5, "3mo")]
    [InlineData("handoff", "loguniform: [1d, 100d]", 0.5, "10d")]
    [InlineData("agents.lk.agencies.building.staff", "uniform: [3, 6]", 0.5, "5")]
    [InlineData("agents.town.agencies.office.queue", "discrete: [fifo, priority]", 0.75, "priority")]
    public void SettingAValue_GivesTheScenario_SweepSetGives_WithTheSameValue(string path, string distribution, double u, string text)
    {
        var scenario = Load($"uncertain:\n  {path}:\n    {distribution}\n");
        var value = scenario.Definition.Uncertain[0].At(u);
        var swept = SweepGrid.Parse($"{path}={text}");

        value.Text.Should().Be(text, "a value is written back in the unit of its range, without a conversion's last-digit noise");
        UncertainScenario.Apply(scenario.Text, [value]).Should().Be(ScenarioPatch.Apply(scenario.Text, [(swept.Path, swept.Values[0])]));
        UncertainScenario.Load(scenario, [value]).Text.Should().Be(ScenarioPatch.Apply(scenario.Text, [(swept.Path, swept.Values[0])]));
    }

    [Fact]
    public void SettingAParameterWithAlso_SetsEachOfItsPaths()
    {
        var parameter = Load(Section).Definition.Uncertain[5];

        UncertainScenario.Assignments([parameter.At(1)]).Should().Equal(
            ("processes.cycle-path.steps.permit.effort", "1ww"), ("processes.cycle-path.steps.plan.effort.sd", "1ww"));
    }

    [Fact]
    public void APointOfTheHypercube_GivesOneValuePerParameter()
    {
        var parameters = Load(Section).Definition.Uncertain;

        var values = UncertainScenario.At(parameters, [0, 1, 0.25, 0.25, 0, 0.5]);

        values.Select(v => v.Text).Should().Equal("6wd", "4/year", "2d", "fifo", "3", "5wd");
        ((Action)(() => UncertainScenario.At(parameters, [0.5]))).Should().Throw<ArgumentException>();
    }
}
