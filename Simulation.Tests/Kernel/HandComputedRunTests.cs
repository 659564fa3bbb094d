using IsdnSim.Analysis.Engine;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// Small scenarios with constant efforts whose timings follow by hand. Arrivals are random,
/// but everything after an arrival is determined, so each finished project must show exactly
/// the worked-out figures (up to floating-point rounding of the sums).
/// </summary>
public sealed class HandComputedRunTests
{
    private const double Exact = 1e-9;

    private const string TwoLevels = """
        name: two levels
        seed: 3
        start: 2025-01-01
        horizon: 3650d
        calendar: { kind: continuous }
        lookahead: 1d
        handoff: 2d
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 1, roles: [fund] }] }
          - { id: lk, kind: district, parent: land, agencies: [{ id: permits, staff: 1, roles: [permit] }] }
          - { id: utility, kind: utility, agencies: [{ id: lines, staff: 1, roles: [lines] }] }
          - { id: town, kind: municipality, parent: lk, population: 1000, agencies: [{ id: office, staff: 1, roles: [plan] }] }
        processes:
          - id: chain
            steps:
              - { id: plan, role: plan, effort: 5wd }
              - { id: permit, role: permit, effort: 3wd, after: [plan] }
          - id: join
            steps:
              - { id: plan, role: plan, effort: 2wd }
              - { id: permit, role: permit, effort: 3wd, after: [plan] }
              - { id: lines, role: lines, effort: 7wd, after: [plan] }
              - { id: build, role: plan, effort: 1wd, after: [permit, lines] }
        jurisdiction: { plan: self, permit: district, fund: state, lines: utility }
        demand:
          - { process: PROCESS, rate: 0.01/day }
        """;

    private static ReplicationResult Run(string process) =>
        Runs.RunOne(Runs.Spec(Runs.Parse(TwoLevels.Replace("PROCESS", process)), recordSteps: true));

    [Fact]
    public void Chain_TakesWorkPlusOneHandoff()
    {
        // plan 5 d at the town, hand-off 2 d, permit 3 d at the district: 10 d without queueing.
        var result = Run("chain");

        result.Projects.Should().NotBeEmpty();
        foreach (var p in result.Projects)
        {
            p.Path.Service.Should().BeApproximately(8, Exact);
            p.Path.Handoff.Should().BeApproximately(2, Exact);
            p.LeadTime.Should().BeApproximately(10 + p.Path.Wait, Exact);
        }

        result.Projects.Count(p => p.Path.Wait == 0).Should().BeGreaterThan(result.Projects.Count / 2, "at this rate most projects never queue");
    }

    [Fact]
    public void Join_WaitsForTheSlowerBranch_AndCarriesItsPath()
    {
        // plan 2 d; then permit (3 d) and lines (7 d) in parallel, each 2 d away; build 1 d back at the town
        // after both are handed back (2 d). Critical chain: 2 + 2 + 7 + 2 + 1 = 14 d, of which work 10 d, hand-offs 4 d.
        var result = Run("join");

        result.Projects.Should().NotBeEmpty();
        foreach (var p in result.Projects.Where(p => p.Path.Wait == 0))
        {
            p.LeadTime.Should().BeApproximately(14, Exact);
            p.Path.Service.Should().BeApproximately(10, Exact);
            p.Path.Handoff.Should().BeApproximately(4, Exact);
        }

        result.Projects.Should().AllSatisfy(p => p.LeadTime.Should().BeApproximately(p.Path.Total, Exact));
    }

    [Fact]
    public void Join_StartsTheJoiningStepWhenTheLastPredecessorArrives()
    {
        var result = Run("join");
        var steps = result.Steps.ToLookup(s => s.Project);

        foreach (var project in result.Projects)
        {
            var s = steps[project.Id].ToDictionary(x => x.Step);
            var lastIn = Math.Max(s[1].End, s[2].End) + 2; // permit and lines, each handed back after 2 d
            s[3].Ready.Should().BeApproximately(lastIn, Exact);
        }
    }

    [Fact]
    public void Agency_ServesFirstInFirstOut()
    {
        const string busy = """
            name: fifo
            seed: 11
            start: 2025-01-01
            horizon: 400d
            calendar: { kind: continuous }
            agents: [{ id: town, kind: municipality, agencies: [{ id: office, staff: 1, roles: [work] }] }]
            processes: [{ id: p, steps: [{ id: s, role: work, effort: 2wd }] }]
            jurisdiction: { work: self }
            demand: [{ process: p, rate: 0.45/day }]
            """;
        var result = Runs.RunOne(Runs.Spec(Runs.Parse(busy), recordSteps: true));
        var byArrival = result.Steps.OrderBy(s => s.Ready).ToList();

        byArrival.Select(s => s.Start).Should().BeInAscendingOrder("one server, first in first out");
        byArrival.Should().Contain(s => s.Start > s.Ready, "the office is busy enough for a queue to form");
        for (var i = 1; i < byArrival.Count; i++)
        {
            // Each item starts when it arrives or when the previous one ends, whichever is later.
            byArrival[i].Start.Should().BeApproximately(Math.Max(byArrival[i].Ready, byArrival[i - 1].End), Exact);
            byArrival[i].End.Should().BeApproximately(byArrival[i].Start + 2, Exact);
        }
    }

    [Fact]
    public void WorkingDayCalendar_StretchesEffortOverWeekendsAndHolidays()
    {
        // One step of 3 working days at a town; 2025 starts on a Wednesday, a holiday here.
        const string yaml = """
            name: calendar
            seed: 5
            start: 2025-01-01
            horizon: 365d
            calendar: { kind: working-days, holidays: [2025-01-01, 2025-04-18, 2025-04-21, 2025-05-01, 2025-12-25, 2025-12-26] }
            agents: [{ id: town, kind: municipality, agencies: [{ id: office, staff: 50, roles: [work] }] }]
            processes: [{ id: p, steps: [{ id: s, role: work, effort: 3wd }] }]
            jurisdiction: { work: self }
            demand: [{ process: p, rate: 0.2/day }]
            """;
        var result = Runs.RunOne(Runs.Spec(Runs.Parse(yaml), recordSteps: true));
        var start = new DateOnly(2025, 1, 1);
        var holidays = new HashSet<DateOnly> { new(2025, 1, 1), new(2025, 4, 18), new(2025, 4, 21), new(2025, 5, 1), new(2025, 12, 25), new(2025, 12, 26) };

        result.Projects.Should().NotBeEmpty();
        foreach (var p in result.Projects)
        {
            p.Finish.Should().BeApproximately(WalkWorkingDays(start, holidays, p.Arrival, 3), Exact);
        }
    }

    /// <summary>An independent, day-by-day reference for the calendar: staff work on Mon-Fri that are not holidays.</summary>
    private static double WalkWorkingDays(DateOnly start, HashSet<DateOnly> holidays, double from, double work)
    {
        var t = from;
        while (true)
        {
            var day = Math.Floor(t);
            var date = start.AddDays((int)day);
            var working = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);
            var available = day + 1 - t;
            if (working && work <= available)
            {
                return t + work;
            }

            if (working)
            {
                work -= available;
            }

            t = day + 1;
        }
    }
}
