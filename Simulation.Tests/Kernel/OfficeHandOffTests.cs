using IsdnSim.Analysis.Engine;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// Hand-offs between offices of one organisation, with constant efforts and ample staff, so each
/// project's times follow by hand: the town's project is handed to the district (2 d), where
/// planning (3 d) and the decision (1 d) are done at one office, the nature assessment (2 d) at
/// another between them.
/// </summary>
public sealed class OfficeHandOffTests
{
    private const double Exact = 1e-9;

    private const string District = """
        name: offices
        seed: 5
        start: 2025-01-01
        horizon: 3650d
        calendar: { kind: continuous }
        lookahead: 1d
        handoff: HANDOFF
        agents:
          - { id: lk, kind: district, agencies: [{ id: planning, staff: 50, roles: [plan] }, { id: nature, staff: 50, roles: [nature] }] }
          - { id: town, kind: municipality, parent: lk, population: 1000, agencies: [{ id: office, staff: 1, roles: [local] }] }
        processes:
          - id: p
            steps:
              - { id: design, role: plan, effort: 3wd }
              - { id: assess, role: ASSESSOR, after: [design], effort: 2wd }
              - { id: decide, role: plan, after: [assess], effort: 1wd }
        jurisdiction: { local: self, plan: district, nature: district }
        demand: [{ process: p, rate: 0.01/day }]
        """;

    private static ReplicationResult Run(string handoff, string assessor = "nature") =>
        Runs.RunOne(Runs.Spec(Runs.Parse(District.Replace("HANDOFF", handoff).Replace("ASSESSOR", assessor))));

    [Fact]
    public void AFileBetweenTwoOffices_TakesTheLatencyEachWay()
    {
        // To the district 2 d, 3 d, to the nature office 1.5 d, 2 d, back 1.5 d, 1 d.
        var result = Run("{ default: 2d, between_offices: 1.5d }");

        result.Projects.Should().NotBeEmpty();
        result.Projects.Should().AllSatisfy(p =>
        {
            p.LeadTime.Should().BeApproximately(11, Exact);
            p.Path.Handoff.Should().BeApproximately(5, Exact);
            p.Handoffs.Should().Be(1, "offices of one organisation are not counted as hand-offs between organisations");
        });
    }

    [Fact]
    public void WithoutTheLatency_OfficesHandOnAtOnce()
    {
        var result = Run("2d");

        result.Projects.Should().NotBeEmpty();
        result.Projects.Should().AllSatisfy(p =>
        {
            p.LeadTime.Should().BeApproximately(8, Exact);
            p.Path.Handoff.Should().BeApproximately(2, Exact);
            p.Handoffs.Should().Be(1);
        });
    }

    [Fact]
    public void AZeroLatency_IsTheSameRunAsNone()
    {
        var shipped = Repository.ScenarioTextWithoutRanges("rural-district.yaml");
        shipped.Should().Contain("  between_offices: 1d\n");
        var zero = Runs.RunOne(Runs.Spec(Runs.Parse(shipped.Replace("  between_offices: 1d\n", "  between_offices: 0d\n")), new ScenarioOverrides(HorizonDays: 730, Variant: "one-level")));
        var none = Runs.RunOne(Runs.Spec(Runs.Parse(shipped.Replace("  between_offices: 1d\n", "")), new ScenarioOverrides(HorizonDays: 730, Variant: "one-level")));

        zero.Projects.Should().NotBeEmpty().And.Equal(none.Projects);
    }

    [Fact]
    public void StepsOfOneOffice_DoNotHandOff()
    {
        var result = Run("{ default: 2d, between_offices: 1.5d }", assessor: "plan");

        result.Projects.Should().NotBeEmpty();
        result.Projects.Should().AllSatisfy(p => p.LeadTime.Should().BeApproximately(8, Exact));
    }
}
