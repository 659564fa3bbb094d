using IsdnSim.Analysis.Engine;
using IsdnSim.Analysis.Metrics;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Domain;

/// <summary>
/// Territorial congruence weighted by discretion, inhabitants per elected member of the deciding
/// body, and distance to its seat (docs/model.md, "Democratic quality"), on one project whose
/// decisions are worked out by hand.
/// </summary>
public sealed class DemocraticQualityTests
{
    private const double Exact = 1e-9;

    /// <summary>One degree of latitude on the earth's mean radius, km: the distance between the town and the district's seat is half of it.</summary>
    private static readonly double HalfDegreeKm = 0.5 * Math.PI / 180 * GeoPoint.EarthRadiusKm;

    /// <summary>
    /// The town (2,000 inhabitants, 12 seats) sits half a degree of latitude north of the district's
    /// seat (10,000 inhabitants, 46 seats). One project, four decisions: the town's routine check
    /// (congruent), the town's council resolution (political, congruent), the district's bound
    /// permit and its plan approval with discretion (neither congruent).
    /// </summary>
    private static string Yaml(string unifySeats = "") => $$"""
        name: democratic quality
        seed: 1
        start: 2025-01-01
        horizon: 400d
        calendar: { kind: continuous }
        handoff: 2d
        agents:
          - { id: land, kind: state, agencies: [{ id: funding, staff: 1, roles: [fund] }] }
          - id: lk
            kind: district
            parent: land
            population: 10000
            seats: 46
            location: [52.0, 13.0]
            agencies:
              - { id: building, staff: 1, roles: [permit, plan-approval] }
          - id: town
            kind: municipality
            parent: lk
            population: 2000
            seats: 12
            location: [52.5, 13.0]
            agencies:
              - { id: admin, staff: 1, roles: [plan, check] }
              - { id: council, roles: [decide], sessions: { every: 14d } }
        processes:
          - id: p
            steps:
              - { id: check, kind: approval, role: check, effort: 1wd, discretion: routine }
              - { id: decide, kind: council, role: decide, after: [check] }
              - { id: permit, kind: approval, role: permit, effort: 1wd, after: [decide] }
              - { id: approve, kind: approval, role: plan-approval, effort: 1wd, after: [permit], discretion: discretionary }
        jurisdiction: { plan: self, check: self, decide: self, permit: district, plan-approval: district, fund: state }
        demand: []
        shocks:
          - { id: law, date: 2025-01-01, process: p, groups: [{ name: all, deadline: 2025-12-31 }] }
        variants:
          - { id: city, operations: [{ op: unify, district: lk, into: stadt, name: Stadt{{unifySeats}} }] }
        """;

    private static ReplicationFigures Figures(string yaml, string? variant = null)
    {
        var spec = Runs.Spec(Runs.Parse(yaml), new ScenarioOverrides(Variant: variant));
        return ReplicationFigures.Compute(spec.Compile(), Runs.RunOne(spec));
    }

    [Fact]
    public void Decisions_AreCountedByTheirDiscretion()
    {
        var d = Figures(Yaml()).Decisions;

        d.Taken.Should().Equal([0, 1, 1, 1, 1], "none, routine, bound, discretionary, political: one each");
        d.Congruent.Should().Equal([0, 1, 0, 0, 1], "the town took the check and the resolution");
    }

    [Fact]
    public void TerritorialCongruence_CountsOnlyDecisionsThatLeaveAChoice()
    {
        var f = Figures(Yaml());

        f.Congruence.Should().Be(0.5, "of the resolution and the plan approval, the town took one");
        f.CongruenceAllDecisions.Should().Be(0.5, "of four decisions the town took two");
    }

    [Fact]
    public void Representation_IsMeasuredOverTheDecisionsThatLeaveAChoice()
    {
        var f = Figures(Yaml());

        // The council: 2,000 / 12 inhabitants per seat, at distance 0; the district: 10,000 / 46 per seat, half a degree away.
        f.InhabitantsPerCouncillor.Should().BeApproximately((2000.0 / 12 + 10000.0 / 46) / 2, Exact);
        f.DistanceToDeciderKm.Should().BeApproximately(HalfDegreeKm / 2, Exact);
        HalfDegreeKm.Should().BeApproximately(55.597, 0.001);
    }

    [Fact]
    public void OneLevel_RaisesCongruence_ButItsCouncilIsFurtherAwayAndRepresentsMore()
    {
        var f = Figures(Yaml(", seats: 20"), "city");

        f.Decisions.Taken.Should().Equal([0, 1, 1, 1, 1]);
        f.Congruence.Should().Be(1.0, "the city is the seat of its quarter and takes everything");
        f.InhabitantsPerCouncillor.Should().BeApproximately(2000.0 / 20, Exact, "the city has the quarter's 2,000 inhabitants and 20 seats");
        f.DistanceToDeciderKm.Should().BeApproximately(HalfDegreeKm, Exact, "the city sits where the district did");
    }

    [Fact]
    public void WithoutSeatsOrLocations_TheRepresentationFiguresAreMissing_NotZero()
    {
        var f = Figures(Yaml(), "city");

        f.InhabitantsPerCouncillor.Should().Be(double.NaN, "the variant gives the city's council no seats");
        f.DistanceToDeciderKm.Should().BeApproximately(HalfDegreeKm, Exact);
    }

    [Fact]
    public void WithoutTheKey_CouncilsResolve_ApprovalsAreBound_WorkDecidesNothing()
    {
        Discretions.Default(StepKind.Council).Should().Be(Discretion.Political);
        Discretions.Default(StepKind.Approval).Should().Be(Discretion.Bound);
        Discretions.Default(StepKind.Work).Should().Be(Discretion.None);
        Discretions.Default(StepKind.Consultation).Should().Be(Discretion.None);
    }
}
