using IsdnSim.Kernel.Agents;
using IsdnSim.Kernel.Time;

namespace IsdnSim.Tests.Kernel;

/// <summary>
/// An agency's integrals across the warm-up's end and the years' starts, computed by hand on the
/// continuous calendar (working time is calendar time): each call integrates the levels that held
/// since the last one, the totals restart at the warm-up's end, and a year's figures cover the part
/// of each call that falls in it. <see cref="YearlyIntegrals.Observe"/> handles a call that crosses
/// none of those itself and leaves the crossing to <c>Cross</c>; these pin both paths.
/// </summary>
public sealed class YearlyIntegralsTests
{
    private YearlyIntegrals _integrals = new(ContinuousCalendar.Instance, [0, 365, 730], warmup: 100);

    [Fact]
    public void ACallThatCrossesNothing_AddsItsLevelsTimesTheTimeSinceTheLastCall()
    {
        _integrals.Observe(50, queueLength: 2, busy: 1);

        _integrals.QueueArea.Should().Be(100);
        _integrals.BusyWork.Should().Be(50);
        _integrals.YearQueueArea.Should().Equal(100, 0, 0);
    }

    [Fact]
    public void ACallThatCrossesTheWarmupAndAYear_RestartsTheTotalsAndSplitsTheYears()
    {
        _integrals.Observe(50, queueLength: 2, busy: 1, away: 1);

        // 50 to 400 at queue 3, busy 2, one post away: the totals restart at 100, the year at 365.
        _integrals.Observe(400, queueLength: 3, busy: 2, away: 1);

        _integrals.QueueArea.Should().Be(3 * 300);
        _integrals.BusyWork.Should().Be(2 * 300);
        _integrals.AwayWork.Should().Be(300);
        _integrals.YearQueueArea.Should().Equal(2 * 50 + 3 * 315, 3 * 35, 0);
        _integrals.YearUtilisation(staff: 2, horizon: 1000).Should().Equal(
            (1 * 50 + 2 * 315) / (2.0 * 365), 2 * 35 / (2.0 * 365), 0);
    }

    [Fact]
    public void ACallAtAYearsStart_StaysInTheYearBefore_AndTheNextCallCrossesIt()
    {
        _integrals.Observe(365, queueLength: 1, busy: 0);
        _integrals.YearQueueArea.Should().Equal(365, 0, 0);

        _integrals.Observe(366, queueLength: 4, busy: 0);
        _integrals.YearQueueArea.Should().Equal(365, 4, 0);
        _integrals.QueueArea.Should().Be(265 + 4);
    }

    [Fact]
    public void ACallAcrossSeveralYears_PutsEachYearsShareInIt_AndTheLastYearRunsOn()
    {
        _integrals.Observe(1000, queueLength: 1, busy: 1);

        _integrals.YearQueueArea.Should().Equal(365, 365, 270);
        _integrals.QueueArea.Should().Be(900);
        _integrals.BusyWork.Should().Be(900);

        _integrals.Observe(2000, queueLength: 1, busy: 0);
        _integrals.YearQueueArea.Should().Equal(365, 365, 1270);
    }

    [Fact]
    public void WithoutAWarmup_TheTotalsCountFromTheStart()
    {
        var integrals = new YearlyIntegrals(ContinuousCalendar.Instance, [0, 365], warmup: 0);

        integrals.Observe(400, queueLength: 1, busy: 1);

        integrals.QueueArea.Should().Be(400);
        integrals.YearQueueArea.Should().Equal(365, 35);
    }
}
