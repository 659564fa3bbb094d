using IsdnSim.Analysis.Metrics;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Tests.Metrics;

public sealed class AgencyRankingsTests
{
    private static AgencyEstimates Agency(string id, double utilisation, double waitingCaused, bool council = false) =>
        new("town", id, id, "Town", council ? 0 : 1, council, Estimate.Of([utilisation]), Estimate.Of([waitingCaused]), Estimate.Of([]), []);

    [Fact]
    public void Places_AreEachAgencysRankCountedFromOne_AlignedWithTheAgencies_AndZeroWhereTheRankingLeavesItOut()
    {
        // Two agencies equal in every figure but their ids, and a council the utilisation ranking leaves out.
        AgencyEstimates[] agencies = [Agency("a", 0.5, 10), Agency("b", 0.9, 10), Agency("council", 0.7, 30, council: true), Agency("c", 0.5, 10)];

        AgencyRankings.Places(agencies, AgencyRankings.ByUtilisation(agencies)).Should().Equal(2, 1, 0, 3);
        AgencyRankings.Places(agencies, AgencyRankings.ByWaitingCaused(agencies)).Should().Equal(new[] { 3, 2, 1, 4 }, "ties keep the scenario's order");
        AgencyRankings.Places(agencies, AgencyRankings.ByDetermining(agencies)).Should().Equal(0, 0, 0, 0);
    }

    [Fact]
    public void Places_TellApart_AgenciesWhoseEstimatesAreEqualAsRecords()
    {
        var twin = Agency("a", 0.5, 10);
        AgencyEstimates[] agencies = [twin, twin with { }];

        AgencyRankings.Places(agencies, [agencies[1], agencies[0]]).Should().Equal(2, 1);
    }
}
