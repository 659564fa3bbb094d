using IsdnSim.Scenario.Language;

namespace IsdnSim.Tests.Scenarios;

public sealed class UnitsTests
{
    [Theory]
    [InlineData("10d", 10)]
    [InlineData("3w", 21)]
    [InlineData("12h", 0.5)]
    [InlineData("10y", 3652)] // 2025-01-01 to 2035-01-01, with leap days 2028 and 2032
    [InlineData("1mo", 31)]
    [InlineData("1_000d", 1000)]
    [InlineData("90min", 0.0625)]
    public void CalendarDurations_CountOnTheCalendarFromTheStart(string text, double days)
    {
        Units.TryCalendar(text, new DateOnly(2025, 1, 1), out var value, out _).Should().BeTrue();
        value.Value.Should().Be(days);
    }

    [Theory]
    [InlineData("5wd", 5)]
    [InlineData("2ww", 10)]
    [InlineData("4h", 0.5)]
    [InlineData("90min", 0.1875)]
    public void WorkingTime_UsesHoursPerDay(string text, double workingDays)
    {
        Units.TryWork(text, 8, out var value, out _).Should().BeTrue();
        value.Value.Should().Be(workingDays);
    }

    [Theory]
    [InlineData("72_300 EUR/year", 72_300)]
    [InlineData("72300EUR/year", 72_300)]
    [InlineData("6_000 EUR/month", 72_000)]
    [InlineData("1.5 € / year", 1.5)]
    public void Money_IsEurosAYear(string text, double euros)
    {
        Units.TryMoneyPerYear(text, out var value, out _).Should().BeTrue();
        value.Should().Be(euros);
    }

    [Theory]
    [InlineData("72300", "'72300' has no unit; write an amount such as '72_300 EUR/year'")]
    [InlineData("72300/year", "'72300/year' is a rate of arrivals")]
    [InlineData("72300 USD/year", "unknown currency 'USD'")]
    [InlineData("72300 EUR/week", "unknown unit 'week' in '72300 EUR/week'; a cost is per year or per month")]
    public void Money_WithoutCurrencyOrPeriod_IsAnError(string text, string message)
    {
        Units.TryMoneyPerYear(text, out _, out var error).Should().BeFalse();
        error.Should().Contain(message);
    }

    [Theory]
    [InlineData("365.2425/year", 1)]
    [InlineData("7/week", 1)]
    [InlineData("3/day", 3)]
    public void Rates_ArePerDay(string text, double perDay)
    {
        Units.TryRate(text, out var value, out _).Should().BeTrue();
        value.PerDay.Should().BeApproximately(perDay, 1e-12);
    }

    [Theory]
    [InlineData("5 days", "unknown unit 'days'")]
    [InlineData("5", "has no unit")]
    [InlineData("5wd", "is working time, but a calendar duration is expected")]
    [InlineData("soon", "expected a duration")]
    public void BadCalendarDurations_SayWhatIsExpected(string text, string message)
    {
        Units.TryCalendar(text, null, out _, out var error).Should().BeFalse();
        error.Should().Contain(message);
    }
}
