using IsdnSim.Kernel.Time;

namespace IsdnSim.Tests.TimeAndRandom;

public sealed class CalendarTests
{
    private static readonly HashSet<DayOfWeek> MondayToFriday =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    [Fact]
    public void FridayNoonPlusOneWorkingDay_IsMondayNoon()
    {
        // 2025-01-03 is a Friday: day 0 Fri, 1 Sat, 2 Sun, 3 Mon.
        var calendar = new WorkingDayCalendar(new DateOnly(2025, 1, 3), 30, MondayToFriday, new HashSet<DateOnly>());

        calendar.AddWork(0.5, 1).Should().Be(3.5);
        calendar.AddWork(0.5, 0.5).Should().Be(1.0, "work that ends at the end of Friday ends at Saturday 00:00");
        calendar.AddWork(1.25, 0.25).Should().Be(3.25, "work started on Saturday begins on Monday");
    }

    [Fact]
    public void Holidays_AreSkipped()
    {
        // 2024-12-31 is a Tuesday; 2025-01-01 (Wednesday) is a holiday.
        var calendar = new WorkingDayCalendar(new DateOnly(2024, 12, 31), 30, MondayToFriday, new HashSet<DateOnly> { new(2025, 1, 1) });

        calendar.AddWork(0.5, 1).Should().Be(2.5);
        calendar.WorkTimeAt(3).Should().Be(2, "Tuesday and Thursday, not the holiday");
        calendar.IsWorkingDay(1).Should().BeFalse();
    }

    [Fact]
    public void WorkTimeAndTimeAtWork_AreInverse_OnWorkingTime()
    {
        var calendar = new WorkingDayCalendar(new DateOnly(2025, 1, 1), 400, MondayToFriday, new HashSet<DateOnly> { new(2025, 1, 1), new(2025, 12, 25) });
        for (var w = 0.125; w < 250; w += 0.375)
        {
            calendar.WorkTimeAt(calendar.TimeAtWork(w)).Should().BeApproximately(w, 1e-9);
        }
    }

    [Fact]
    public void BeyondTheTable_TheWeeklyShareApplies()
    {
        var calendar = new WorkingDayCalendar(new DateOnly(2025, 1, 6), 7, MondayToFriday, new HashSet<DateOnly>());

        calendar.WorkTimeAt(7).Should().Be(5);
        calendar.WorkTimeAt(14).Should().BeApproximately(10, 1e-12);
        calendar.TimeAtWork(10).Should().BeApproximately(14, 1e-12);
    }

    [Fact]
    public void ContinuousCalendar_CountsEveryDay()
    {
        ContinuousCalendar.Instance.AddWork(2.25, 3.5).Should().Be(5.75);
    }

    [Fact]
    public void APointInTime_FallsOnItsCalendarDate_AndARateConvertsByTheMeanYear()
    {
        new SimTime(40.75).ToDate(new DateOnly(2025, 1, 1)).Should().Be(new DateOnly(2025, 2, 10));
        new ArrivalRate(2).PerYear.Should().Be(2 * 365.2425);
    }
}
