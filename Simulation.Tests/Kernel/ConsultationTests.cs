using IsdnSim.Analysis.Engine;
using IsdnSim.Tests.Support;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// The consultation mechanisms with constant efforts, so each project's times follow by hand:
/// the town's project is handed to the district (2 d), which consults its own nature agency.
/// </summary>
public sealed class ConsultationTests
{
    private const double Exact = 1e-9;

    private const string Consultation = """
        name: consultation
        seed: 3
        start: 2025-01-01
        horizon: 3650d
        calendar: { kind: continuous }
        lookahead: 1d
        handoff: 2d
        agents:
          - { id: lk, kind: district, agencies: [{ id: permits, staff: 5, roles: [permit] }, { id: nature, staff: 50, roles: [nature] }] }
          - { id: town, kind: municipality, parent: lk, population: 1000, agencies: [{ id: office, staff: 1, roles: [plan] }] }
        processes:
          - id: p
            steps:
              - { id: ask, kind: consultation, role: permit, consult: [nature], effort: EFFORT, deadline: 10d }
        jurisdiction: { plan: self, permit: district, nature: district }
        demand: [{ process: p, rate: 0.01/day }]
        """;

    private static ReplicationResult Run(string effort, string extra = "") =>
        Runs.RunOne(Runs.Spec(Runs.Parse(Consultation.Replace("EFFORT", effort) + extra)));

    [Fact]
    public void AnAnswerBeforeTheDeadline_EndsTheStep()
    {
        // Hand-off 2 d, then the answer's 4 d of work.
        var result = Run("4wd");

        result.Projects.Should().NotBeEmpty();
        result.Projects.Should().AllSatisfy(p => p.LeadTime.Should().BeApproximately(6, Exact));
        result.Tallies.LapsedConsultations.Should().Be(0);
        result.Tallies.Consultations.Should().Be(result.Projects.Count);
    }

    [Fact]
    public void SilenceUntilTheDeadline_CountsAsApproval()
    {
        // Hand-off 2 d, then the 10 d deadline runs out long before the 30 d answer.
        var result = Run("30wd");

        result.Projects.Should().NotBeEmpty();
        result.Projects.Should().AllSatisfy(p =>
        {
            p.LeadTime.Should().BeApproximately(12, Exact);
            p.Path.Wait.Should().BeApproximately(10, Exact);
        });
        result.Tallies.LapsedConsultations.Should().Be(result.Projects.Count);
        result.Tallies.Consultations.Should().Be(result.Projects.Count);
    }

    [Fact]
    public void AWorkingGroup_SettlesAtItsNextMeeting()
    {
        // The district meets with itself every 28 d from the start: the first meeting after the
        // consultation became ready (2 d after arrival) settles it, deadline or not.
        var result = Run("30wd", "\nworking_groups: [{ id: group, members: [lk], every: 28d }]\n");

        result.Projects.Should().NotBeEmpty();
        result.Projects.Should().AllSatisfy(p =>
        {
            var ready = p.Arrival + 2;
            p.Finish.Should().BeApproximately(28 * (Math.Floor(ready / 28) + 1), Exact);
            p.Path.Council.Should().BeApproximately(p.Finish - ready, Exact);
        });
        result.Tallies.LapsedConsultations.Should().Be(0);
        result.Tallies.Consultations.Should().Be(result.Projects.Count);
    }
}
