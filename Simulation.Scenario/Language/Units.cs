using System.Globalization;
using System.Text.RegularExpressions;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;

namespace IsdnSim.Scenario.Language;

/// <summary>
/// The units of the scenario format. Calendar durations: d, w, mo, y (h for hand-offs shorter
/// than a day). Working time (efforts): wd, ww, h, min. Rates: N/day, N/week, N/month, N/year.
/// Money: N EUR/year, N EUR/month (a yearly cost). A value without a unit, or with the unit of the
/// other kind, is an error, not a guess.
/// </summary>
public static partial class Units
{
    [GeneratedRegex(@"^\s*(-?[0-9][0-9_]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z]+)\s*$")]
    private static partial Regex Quantity();

    [GeneratedRegex(@"^\s*(-?[0-9][0-9_]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*/\s*([A-Za-z]+)\s*$")]
    private static partial Regex RateQuantity();

    [GeneratedRegex(@"^\s*(-?[0-9][0-9_]*(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\s*([A-Za-z€]+)\s*/\s*([A-Za-z]+)\s*$")]
    private static partial Regex MoneyQuantity();

    public const string CalendarExamples = "'30d', '6w', '3mo' or '2y'";
    public const string WorkExamples = "'5wd' (working days), '2ww' (working weeks), '6h' or '90min'";
    public const string RateExamples = "'12/year', '1/month', '0.5/week' or '2.7/day'";
    public const string MoneyExamples = "'72_300 EUR/year' or '6_000 EUR/month'";

    private static readonly string[] CalendarUnits = ["d", "w", "mo", "y", "h", "min"];
    private static readonly string[] WorkUnits = ["wd", "ww", "h", "min"];
    private static readonly string[] RateUnits = ["day", "week", "month", "year"];

    /// <summary>
    /// A calendar duration. Months and years are counted on the calendar from <paramref name="from"/>
    /// when given (so "10y" from 2025-01-01 ends on 2035-01-01), else as mean Gregorian lengths.
    /// </summary>
    public static bool TryCalendar(string text, DateOnly? from, out CalendarDays value, out string error)
    {
        value = default;
        if (!TrySplit(Quantity(), text, "a duration such as " + CalendarExamples, out var number, out var unit, out error))
        {
            return false;
        }

        switch (unit)
        {
            case "d":
                value = new CalendarDays(number);
                break;
            case "h":
                value = new CalendarDays(number / 24);
                break;
            case "min":
                value = new CalendarDays(number / 24 / 60);
                break;
            case "w":
                value = new CalendarDays(number * CalendarConstants.DaysPerWeek);
                break;
            case "mo" or "y" when from is { } start && number == Math.Floor(number):
                var months = number * (unit == "y" ? 12 : 1);
                var monthsLeftInCalendar = (DateOnly.MaxValue.Year - start.Year) * 12 - start.Month;
                value = months <= monthsLeftInCalendar
                    ? new CalendarDays(start.AddMonths((int)months).DayNumber - start.DayNumber)
                    : new CalendarDays(months * CalendarConstants.DaysPerMonth);
                break;
            case "mo":
                value = new CalendarDays(number * CalendarConstants.DaysPerMonth);
                break;
            case "y":
                value = new CalendarDays(number * CalendarConstants.DaysPerYear);
                break;
            default:
                error = WorkUnits.Contains(unit)
                    ? $"'{text}' is working time, but a calendar duration is expected here: did you mean '{Number(number)}d'?"
                    : $"unknown unit '{unit}' in '{text}'{DidYouMean.Hint(unit, CalendarUnits)} (expected a duration such as {CalendarExamples})";
                return false;
        }

        error = "";
        return true;
    }

    /// <summary>Working time of one staff member, in working days.</summary>
    public static bool TryWork(string text, double hoursPerDay, out WorkingDays value, out string error)
    {
        value = default;
        if (!TrySplit(Quantity(), text, "working time such as " + WorkExamples, out var number, out var unit, out error))
        {
            return false;
        }

        switch (unit)
        {
            case "wd":
                value = new WorkingDays(number);
                break;
            case "ww":
                value = new WorkingDays(number * 5);
                break;
            case "h":
                value = new WorkingDays(number / hoursPerDay);
                break;
            case "min":
                value = new WorkingDays(number / 60 / hoursPerDay);
                break;
            default:
                error = unit is "d" or "w" or "mo" or "y"
                    ? $"'{text}' is calendar time, but an effort is working time: did you mean '{Number(number)}{(unit == "w" ? "ww" : "wd")}'? (units: {WorkExamples})"
                    : $"unknown unit '{unit}' in '{text}'{DidYouMean.Hint(unit, WorkUnits)} (expected working time such as {WorkExamples})";
                return false;
        }

        error = "";
        return true;
    }

    public static bool TryRate(string text, out ArrivalRate value, out string error)
    {
        value = default;
        if (!TrySplit(RateQuantity(), text, "a rate such as " + RateExamples, out var number, out var unit, out error))
        {
            return false;
        }

        double? days = unit switch
        {
            "day" => 1,
            "week" => CalendarConstants.DaysPerWeek,
            "month" => CalendarConstants.DaysPerMonth,
            "year" => CalendarConstants.DaysPerYear,
            _ => null,
        };
        if (days is null)
        {
            error = $"unknown unit '{unit}' in rate '{text}'{DidYouMean.Hint(unit, RateUnits)} (expected a rate such as {RateExamples})";
            return false;
        }

        value = new ArrivalRate(number / days.Value);
        error = "";
        return true;
    }

    /// <summary>A yearly cost in euros: "72_300 EUR/year", "6_000 EUR/month" (× 12).</summary>
    public static bool TryMoneyPerYear(string text, out double euros, out string error)
    {
        euros = 0;
        var m = MoneyQuantity().Match(text);
        if (!m.Success)
        {
            error = YamlReader.TryParseNumber(text, out _)
                ? $"'{text}' has no unit; write an amount such as {MoneyExamples}"
                : RateQuantity().IsMatch(text)
                    ? $"'{text}' is a rate of arrivals; a cost is written with its currency, such as {MoneyExamples}"
                    : $"expected an amount such as {MoneyExamples}, found '{text}'";
            return false;
        }

        var number = double.Parse(m.Groups[1].Value.Replace("_", ""), CultureInfo.InvariantCulture);
        if (m.Groups[2].Value is not ("EUR" or "€"))
        {
            error = $"unknown currency '{m.Groups[2].Value}' in '{text}'; costs are in euros (EUR), such as {MoneyExamples}";
            return false;
        }

        switch (m.Groups[3].Value)
        {
            case "year":
                euros = number;
                break;
            case "month":
                euros = number * 12;
                break;
            default:
                error = $"unknown unit '{m.Groups[3].Value}' in '{text}'{DidYouMean.Hint(m.Groups[3].Value, ["year", "month"])}; a cost is per year or per month, such as {MoneyExamples}";
                return false;
        }

        error = "";
        return true;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Splits "12.5wd" into number and unit; a bare number gets its own message, since a forgotten unit is the usual mistake.</summary>
    private static bool TrySplit(Regex pattern, string text, string expected, out double number, out string unit, out string error)
    {
        var m = pattern.Match(text);
        if (!m.Success)
        {
            number = 0;
            unit = "";
            error = YamlReader.TryParseNumber(text, out _)
                ? $"'{text}' has no unit; write {expected}"
                : $"expected {expected}, found '{text}'";
            return false;
        }

        number = double.Parse(m.Groups[1].Value.Replace("_", ""), CultureInfo.InvariantCulture);
        unit = m.Groups[2].Value;
        error = "";
        return true;
    }
}
