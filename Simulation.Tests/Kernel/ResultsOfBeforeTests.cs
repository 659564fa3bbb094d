using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IsdnSim.Analysis.Engine;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// A scenario written without the keys issue 10 added (period steps, legal fictions) simulates
/// exactly as it did before them: every project, step, agency figure and tally of two variants
/// is held here as the SHA-256 of its text, recorded by the version before those keys. The
/// scenario uses every mechanism that existed then (sessions with agendas and submission
/// periods, consultations that lapse, a working group, rework with local knowledge, segments,
/// support shares, intake windows, background work, priority queues, a shock, a liaison, a
/// merger), so a new mechanism that drew from an existing random stream or changed an existing
/// rule would change a digest.
/// </summary>
public sealed class ResultsOfBeforeTests
{
    private const string Scenario = """
        name: results of before
        seed: 11
        start: 2025-01-01
        horizon: 3y
        calendar: { kind: working-days, workdays: [mon, tue, wed, thu, fri], holidays: [2025-12-25, 2026-12-25] }
        lookahead: 1d
        handoff:
          default: 2d
          between_offices: 1d
          rules: [{ between: [state, municipal], latency: 3d }]
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 1, roles: [fund], intake: { opens: 03-01, closes: 05-31 } }, { id: higher, staff: 1, roles: [higher] }] }
          - id: lk-a
            kind: district
            parent: land
            agencies:
              - { id: building, staff: 3, roles: [permit] }
              - { id: nature, staff: 1, roles: [nature] }
              - { id: kreistag, roles: [county], sessions: { every: 56d, agenda: 3, submission: 21d } }
          - id: lk-b
            kind: district
            parent: land
            agencies:
              - { id: building, staff: 2, roles: [permit] }
              - { id: nature, staff: 1, roles: [nature] }
              - { id: kreistag, roles: [county], sessions: { every: 56d, agenda: 3, submission: 21d } }
          - { id: amt-see, kind: amt, parent: lk-a, agencies: [{ id: office, staff: 1, roles: [plan] }] }
          - { id: town, kind: municipality, parent: lk-a, population: 12000, agencies: [{ id: office, staff: 2, roles: [plan] }, { id: council, roles: [council], sessions: { every: 28d, agenda: 4, submission: 14d } }] }
          - { id: village, kind: municipality, parent: amt-see, population: 2500, agencies: [{ id: council, roles: [council], sessions: { every: 42d, agenda: 2, submission: 14d } }] }
          - { id: hamlet, kind: municipality, parent: amt-see, population: 900, agencies: [{ id: council, roles: [council], sessions: { every: 42d, agenda: 2, submission: 14d } }] }
          - { id: other, kind: municipality, parent: lk-b, population: 7000, agencies: [{ id: office, staff: 1, roles: [plan] }, { id: council, roles: [council], sessions: { every: 28d, agenda: 4, submission: 14d } }] }
          - { id: housing, kind: housing-company, parent: town, agencies: [{ id: projects, staff: 1, roles: [build] }] }
          - { id: rail, kind: national-operator, agencies: [{ id: team, staff: 1, productivity: 0.5, roles: [rail], queue: priority, background: { rate: 8/year, effort: { dist: exponential, mean: 5wd }, priority: 1 } }] }
        processes:
          - id: path
            segments: 2
            steps:
              - { id: study, role: plan, effort: { dist: lognormal, mean: 5wd, sd: 2wd } }
              - { id: resolve, kind: council, role: council, after: [study] }
              - { id: design, role: plan, per_segment: true, after: [resolve], effort: { dist: uniform, min: 2wd, max: 8wd } }
              - { id: agree, kind: council, role: council, per_segment: true, after: [design] }
              - { id: statements, kind: consultation, role: plan, consult: [nature, rail], effort: { dist: exponential, mean: 6wd }, deadline: 3w, after: [agree] }
              - id: permit
                kind: approval
                role: permit
                after: [statements]
                effort: { dist: triangular, min: 2wd, mode: 4wd, max: 9wd }
                rework: { probability: 0.5, local_probability: 0.2, returns_to: study, effort: { dist: empirical, values: [1wd, 2wd, 4wd] }, max_rounds: 2 }
              - { id: fund, role: fund, after: [permit], effort: 3wd }
          - id: site
            steps:
              - { id: choose, role: plan, effort: { dist: lognormal, mean: 4wd, sd: 2wd } }
              - { id: coordinate, kind: consultation, role: plan, consult: [nature, build], effort: 3wd, deadline: 4w, after: [choose] }
              - { id: approve, kind: approval, role: higher, after: [coordinate], effort: 6wd, rework: { probability: 0.3, returns_to: choose, effort: 2wd } }
              - { id: county, kind: council, role: county, after: [approve] }
              - { id: build, role: build, after: [county], effort: { dist: lognormal, mean: 30wd, sd: 10wd } }
          - id: application
            steps:
              - { id: file, role: plan, effort: { dist: triangular, min: 0.5h, mode: 1h, max: 3h } }
              - { id: check, kind: approval, role: permit, after: [file], effort: { dist: triangular, min: 7min, mode: 39min, max: 118min }, rework: { probability: 0.6, local_probability: 0.3, returns_to: file, effort: 3h, max_rounds: 2 } }
              - { id: consent, role: plan, after: [check], effort: 2h }
              - { id: decide, role: permit, after: [consent], effort: { dist: lognormal, mean: 6wd, sd: 3wd } }
        jurisdiction:
          plan: administration
          council: self
          permit: district
          nature: district
          county: district
          fund: state
          higher: state
          build: housing
          rail: rail
        demand:
          - { process: path, rate: 0.4/year }
          - { process: site, rate: 1/year, per_inhabitants: 5000 }
          - { process: application, rate: 6/year, per_inhabitants: 1000 }
        shocks:
          - { id: law, date: 2025-03-01, process: site, groups: [{ name: big, min_population: 5000, deadline: 2026-06-30 }, { name: small, max_population: 4999, deadline: 2027-06-30 }] }
        variants:
          - { id: as-is, name: As is, operations: [] }
          - id: reform
            name: Reform
            operations:
              - { op: merge_districts, districts: [lk-a, lk-b], into: lk-ab, name: AB, staff_factor: 1, handoff: 3d }
              - { op: delegate, role: permit, min_population: 10000, support_share: 0.25 }
              - { op: working_group, id: group, members: [housing], below: lk-ab, every: 28d }
              - { op: liaison, agent: rail, priority: 0, response: 2d }
        """;

    /// <summary>Recorded by the version before issue 10's period steps and legal fictions (commit 1730b23).</summary>
    [Theory]
    [InlineData("as-is", 0, "9ae42bb47a75cc2d915ab5efaacfad728fedd3ccbb5de3b707dad63ccae43301")]
    [InlineData("as-is", 1, "52ff8f6e3bdbae019bac236a89f8962d191c3ebc9471a3b0a86e6032bdf1c969")]
    [InlineData("reform", 0, "21319ad1dce0479f3e1cdbe49e6411bc937b4e3438a5d98b561126726ee06fa9")]
    public void AScenarioWithoutTheNewKeys_SimulatesAsBefore(string variant, int replication, string digest)
    {
        var result = Runs.RunOne(Runs.Spec(Runs.Parse(Scenario), new ScenarioOverrides(Variant: variant), recordSteps: true), replication);

        result.Projects.Should().NotBeEmpty();
        Digest(result).Should().Be(digest);
    }

    /// <summary>Every figure the kernel produced, as text: the digest of a change in any of them differs.</summary>
    private static string Digest(ReplicationResult r)
    {
        var s = new StringBuilder();
        void Line(params object[] values) => s.AppendJoin(' ', values.Select(v => v is double d ? d.ToString("R", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))).Append('\n');

        foreach (var p in r.Projects)
        {
            Line("project", p.Id.Owner, p.Id.Process, p.Id.Serial, p.Id.Shock, p.Arrival, p.Finish, p.Path.Wait, p.Path.Service, p.Path.Council, p.Path.Handoff,
                p.Path.Rework, p.Path.Window, p.Deadline, p.Shock, p.Group, p.Dominant.Step, p.Dominant.Agent, p.Dominant.Agency, p.Dominant.Duration, p.Handoffs, p.Reworks);
        }

        foreach (var x in r.Steps)
        {
            Line("step", x.Project.Owner, x.Project.Process, x.Project.Serial, x.Project.Shock, x.Step, x.Segment, x.Agent, x.Agency, x.Ready, x.Start, x.End, x.Effort);
        }

        foreach (var a in r.Agencies)
        {
            Line("agency", a.Agent, a.Agency, a.Staff, a.IsCouncil, a.Utilisation, a.MeanQueueLength, a.MeanWait, a.Arrived, a.Started, a.Done, a.WaitingCaused,
                a.InQueueAtEnd, a.InServiceAtEnd, string.Join(',', a.YearUtilisation.Select(y => y.ToString("R", CultureInfo.InvariantCulture))),
                string.Join(',', a.YearWaitingCaused.Select(y => y.ToString("R", CultureInfo.InvariantCulture))));
        }

        var t = r.Tallies;
        Line("tallies", string.Join(',', t.Handoffs), string.Join(',', t.Reworks), t.Decisions.Total, t.Decisions.TotalCongruent, t.Consultations, t.LapsedConsultations,
            string.Join(',', t.Mandated.Select(m => $"{m.Shock}/{m.Group}/{m.Count}")), r.Events);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s.ToString())));
    }
}
