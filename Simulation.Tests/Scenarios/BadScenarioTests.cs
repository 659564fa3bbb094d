using IsdnSim.Kernel.Definitions;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Scenarios;

/// <summary>
/// Each file in BadScenarios/ is a small valid scenario with one fault. The loader must name
/// the file, the line and column of the fault, and what it expected, and report nothing else:
/// a follow-on error about a consequence of the fault would send the user to the wrong place.
/// </summary>
public sealed class BadScenarioTests
{
    [Theory]
    [InlineData("syntax-error.yaml", 40, 1, "YAML syntax error")]
    [InlineData("unclosed-list.yaml", 9, 1, "YAML syntax error: cannot read this value; the '[' on line 7 is not closed")]
    [InlineData("tab-indentation.yaml", 14, 1, "tabs are not allowed for indentation, use spaces")]
    [InlineData("tab-in-list.yaml", 8, 1, "tabs are not allowed for indentation, use spaces")]
    [InlineData("empty.yaml", 1, 1, "the file is empty")]
    [InlineData("unknown-key.yaml", 14, 9, "unknown key 'stafff' in an agency; did you mean 'staff'?")]
    [InlineData("unknown-root-key.yaml", 4, 1, "unknown key 'horizn' in the scenario; did you mean 'horizon'?")]
    [InlineData("wrong-type-staff.yaml", 14, 16, "expected a whole number for the staff of agency 'building' of agent 'lk', found 'four'")]
    [InlineData("wrong-type-agents.yaml", 9, 9, "expected a list for agents, found 'town'")]
    [InlineData("bad-duration-unit.yaml", 4, 10, "unknown unit 'years' in '2 years'")]
    [InlineData("missing-unit.yaml", 4, 10, "'730' has no unit")]
    [InlineData("effort-calendar-unit.yaml", 33, 17, "'5d' is calendar time, but an effort is working time: did you mean '5wd'?")]
    [InlineData("bad-rate.yaml", 39, 11, "expected a rate such as '12/year'")]
    [InlineData("zero-staff.yaml", 14, 16, "must be between 1 and 100,000 (an agency needs at least one person), found '0'")]
    [InlineData("negative-staff.yaml", 22, 16, "found '-2'")]
    [InlineData("dangling-role.yaml", 31, 15, "needs role 'permits', which has no entry in jurisdiction; did you mean 'permit'?")]
    [InlineData("dangling-holder.yaml", 36, 11, "role 'permit' is held by 'lk-nord', which is neither an agent")]
    [InlineData("dangling-parent.yaml", 18, 13, "agent 'town' names parent 'lk-sued', which is not an agent")]
    [InlineData("dangling-after.yaml", 32, 17, "comes after 'plam', which is not a step of this process; did you mean 'plan'?")]
    [InlineData("cycle.yaml", 27, 9, "form a cycle: plan -> permit -> plan")]
    [InlineData("duplicate-agent-id.yaml", 16, 9, "duplicate agent id 'lk' (first defined at line 10)")]
    [InlineData("duplicate-step-id.yaml", 30, 13, "duplicate step id 'plan' in process 'cycle-path' (first defined at line 27)")]
    [InlineData("duplicate-key.yaml", 15, 9, "duplicate key 'staff'")]
    [InlineData("horizon-too-long.yaml", 4, 10, "the limit is 1,000,000 days")]
    [InlineData("too-many-projects.yaml", 38, 3, "about 730,000,000 projects per replication; the limit is 20,000,000")]
    [InlineData("role-not-held.yaml", 36, 3, "none of the agencies of 'lk' lists role 'permit'")]
    [InlineData("unknown-distribution.yaml", 29, 25, "unknown distribution 'lognormall'; did you mean 'lognormal'?")]
    [InlineData("bad-date.yaml", 3, 8, "expected a date as YYYY-MM-DD for start, found '2025-13-01'")]
    [InlineData("handoff-below-lookahead.yaml", 8, 10, "handoff must not be shorter than lookahead")]
    [InlineData("two-final-steps.yaml", 25, 5, "ends in 2 steps (plan, permit); a process must end in exactly one final step")]
    [InlineData("unknown-process.yaml", 38, 14, "demand names process 'cyclepath', which is not defined; did you mean 'cycle-path'?")]
    [InlineData("wrong-kind.yaml", 17, 11, "unknown agent kind 'gemeinde'")]
    [InlineData("duplicate-demand.yaml", 40, 5, "projects of 'cycle-path' already arrive at 'town' through the demand entry at line 38")]
    [InlineData("start-too-late.yaml", 4, 10, "ends too close to the year 9999")]
    [InlineData("absurd-handoff.yaml", 8, 10, "handoff must be at most 3,650 days, found '1e308d'")]
    [InlineData("continuous-with-holidays.yaml", 7, 3, "'holidays' has no effect on a continuous calendar")]
    [InlineData("triangular-order.yaml", 33, 17, "needs min <= mode <= max and min < max, found min 9, mode 5, max 12 working days")]
    [InlineData("warmup-too-long.yaml", 5, 9, "warmup (1095 days) must be shorter than the horizon (730 days)")]
    [InlineData("unknown-step-kind.yaml", 24, 29, "unknown step kind 'councel'; did you mean 'council'? (expected one of: work, council, consultation, approval, period)")]
    [InlineData("rework-to-council.yaml", 30, 49, "step 'permit' returns files to 'decide', a council step; rework is done by staff")]
    [InlineData("period-negative-duration.yaml", 25, 78, "the duration of step 'display' of process 'cycle-path' must be longer than zero, found '-1mo'")]
    [InlineData("period-without-duration.yaml", 25, 9, "missing required key 'duration' in step 'display' of process 'cycle-path' (how long the legal period runs)")]
    [InlineData("period-with-effort.yaml", 25, 83, "step 'display' of process 'cycle-path' is a legal period, in which nobody works; it has no effort, only a duration")]
    [InlineData("rework-to-period.yaml", 31, 49, "step 'permit' returns files to 'display', a period step; rework is done by staff")]
    [InlineData("deemed-after-on-council.yaml", 24, 67, "'deemed_after' belongs to work and approval steps, but step 'decide' of process 'cycle-path' is a council step")]
    [InlineData("deemed-after-zero.yaml", 25, 79, "deemed_after of step 'consent' of process 'cycle-path' must be longer than zero, found '0d'")]
    [InlineData("deemed-after-work-unit.yaml", 25, 79, "'40wd' is working time, but a calendar duration is expected here: did you mean '40d'?")]
    [InlineData("committee-not-held.yaml", 25, 80, "prepared by committee 'bulding-committee', but no agency with sessions lists that role; did you mean 'building-committee'?")]
    [InlineData("merge-across-states.yaml", 23, 9, "'lk-a' (in brandenburg), 'lk-b' (in sachsen) are not in the same state")]
    [InlineData("variant-names-merged-agent.yaml", 23, 9, "variant 'austerity': 'lk-a' is not an agent (any more: an earlier operation of this variant may have merged it)")]
    [InlineData("variant-group-merged-agent.yaml", 24, 9, "working group 'wg2' names 'lk-b', which is not an agent")]
    [InlineData("discretion-on-consultation.yaml", 35, 21, "it gathers statements and decides nothing, so it has no 'discretion'")]
    [InlineData("unknown-discretion.yaml", 33, 21, "unknown discretion 'discretonary'; did you mean 'discretionary'? (expected one of: routine, bound, discretionary, political)")]
    [InlineData("location-three-values.yaml", 20, 15, "expected the location of agent 'town' as [latitude, longitude] in degrees, found 3 value(s)")]
    [InlineData("latitude-out-of-range.yaml", 20, 16, "the latitude of agent 'town'")]
    [InlineData("unknown-pay-group.yaml", 20, 20, "the pay group of agency 'building' of agent 'lk': unknown pay group 'EG 9d'; did you mean 'EG 9c'? (costs.pay_groups has: EG 9c, EG 9b)")]
    [InlineData("negative-cost.yaml", 12, 12, "the yearly cost of a post in pay group 'EG 9b' must not be negative, found '-71_600 EUR/year'")]
    [InlineData("cost-as-rate.yaml", 12, 12, "'71600/year' is a rate of arrivals; a cost is written with its currency, such as '72_300 EUR/year'")]
    [InlineData("no-pay-group.yaml", 27, 9, "agency 'office' of agent 'town' has no pay group: name one with 'pay_group', or give agents of kind 'municipality' a default under costs.defaults")]
    [InlineData("variant-unknown-step.yaml", 51, 56, "names step 'permt', which is not a step of process 'cycle-path'; did you mean 'permit'?")]
    [InlineData("specialist-returns-without-rework.yaml", 30, 57, "extra_returns raises the return probability of an approval with rework, but step 'permit' of process 'cycle-path' has no rework")]
    [InlineData("unknown-group-process.yaml", 38, 77, "a group of shock 'law' starts process 'cyclepath-simple', which is not defined")]
    [InlineData("overlapping-shock-groups.yaml", 34, 5, "shock 'law': municipality 'town' falls into groups 'small' and 'under 5000'; the groups must not overlap")]
    [InlineData("absence-share-too-high.yaml", 10, 21, "the share of absence.illness must be at least 0 and at most 1, found '1.5'")]
    [InlineData("absence-holder-never-present.yaml", 11, 10, "absence.illness and absence.leave take 110 % of the holders' time together")]
    [InlineData("absence-refill-working-time.yaml", 10, 35, "the refill of absence.vacancy: '120wd' is working time, but a calendar duration is expected here")]
    [InlineData("absence-unknown-part.yaml", 10, 3, "unknown key 'ilness' in absence; did you mean 'illness'?")]
    [InlineData("absence-zero-spell.yaml", 10, 34, "the spell of absence.illness must last longer than zero on average")]
    [InlineData("absence-on-council.yaml", 27, 9, "agency 'council' of agent 'town' is a council (it has sessions) and decides in session; 'absence' applies only to agencies with staff")]
    public void BadFile_IsRejectedWithPositionAndExpectation(string file, int line, int column, string message)
    {
        var path = Repository.BadScenario(file);

        var act = () => ScenarioLoader.LoadFile(path);

        var diagnostics = act.Should().Throw<ScenarioException>().Which.Diagnostics;
        diagnostics.Should().ContainSingle();
        var d = diagnostics[0];
        d.File.Should().Be(path);
        d.Position.Should().Be(new SourcePosition(line, column));
        d.Message.Should().Contain(message);
        d.ToString().Should().StartWith($"{path}:{line}:{column}: error: ");
    }

    [Fact]
    public void EveryBadFile_HasATest()
    {
        var tested = typeof(BadScenarioTests).GetMethod(nameof(BadFile_IsRejectedWithPositionAndExpectation))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]);
        var files = Directory.GetFiles(Path.GetDirectoryName(Repository.BadScenario("x"))!, "*.yaml").Select(Path.GetFileName);

        files.Should().BeEquivalentTo(tested);
        files.Count().Should().BeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public void SeveralProblems_AreAllReported_InFileOrder()
    {
        const string yaml = """
            name: two faults
            start: 2025-01-01
            horizon: 1y
            agents:
              - id: town
                kind: municipality
                agencies: [{ id: office, staff: 0, roles: [plan] }]
            processes:
              - id: p
                steps: [{ id: s, role: plan, effort: 3 }]
            jurisdiction: { plan: self }
            demand: [{ process: p, rate: 1/year }]
            """;

        var act = () => ScenarioLoader.Parse(yaml, "two.yaml");

        var diagnostics = act.Should().Throw<ScenarioException>().Which.Diagnostics;
        diagnostics.Select(d => d.Position.Line).Should().Equal(7, 10);
    }

    [Fact]
    public void AnEntryWithABadValue_IsStillCheckedForItsOtherProblems()
    {
        // A bad effort must not hide the same process's dangling 'after', nor a bad mean its bad sd,
        // nor a bad staff figure the agent's dangling parent.
        const string yaml = """
            name: many faults
            start: 2025-01-01
            horizon: 1y
            agents:
              - id: town
                kind: municipality
                parent: lk-nowhere
                agencies: [{ id: office, staff: zero, roles: [plan] }]
            processes:
              - id: p
                steps:
                  - { id: a, role: plan, effort: { dist: lognormal, mean: 8d, sd: 4d } }
                  - { id: b, role: plan, effort: 2wd, after: [a, gone] }
            jurisdiction: { plan: self }
            demand: [{ process: p, rate: 1/year }]
            """;

        var act = () => ScenarioLoader.Parse(yaml, "many.yaml");

        var messages = act.Should().Throw<ScenarioException>().Which.Diagnostics.Select(d => d.Message).ToList();
        messages.Should().HaveCount(5);
        messages.Should().Contain(m => m.Contains("names parent 'lk-nowhere'"));
        messages.Should().Contain(m => m.Contains("expected a whole number for the staff"));
        messages.Should().Contain(m => m.Contains("mean of the effort of step 'a'") && m.Contains("'8d' is calendar time"));
        messages.Should().Contain(m => m.Contains("sd of the effort of step 'a'") && m.Contains("'4d' is calendar time"));
        messages.Should().Contain(m => m.Contains("comes after 'gone'"));
    }
}
