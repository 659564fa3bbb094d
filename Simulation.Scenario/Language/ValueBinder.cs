using System.Globalization;
using IsdnSim.Kernel.Definitions;
using IsdnSim.Kernel.Random;
using IsdnSim.Kernel.Time;
using IsdnSim.Scenario.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace IsdnSim.Scenario.Language;

/// <summary>Values shared by every section: durations, dates, rates and efforts with their units, each reported where it is written.</summary>
internal sealed class ValueBinder(YamlReader reader, DateOnly? start)
{
    private readonly YamlReader _r = reader;
    private readonly DateOnly? _start = start;

    public CalendarDays? CalendarDuration(YamlNode node, string what, DateOnly? from, bool zeroAllowed = false)
    {
        var text = _r.Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!Units.TryCalendar(text, from, out var value, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (value.Value < 0 || (value.Value == 0 && !zeroAllowed))
        {
            _r.Error(node, zeroAllowed ? $"{what} must not be negative, found '{text}'" : $"{what} must be longer than zero, found '{text}'");
            return null;
        }

        return value;
    }

    /// <summary>A date (days from the start) or a duration from the start.</summary>
    public CalendarDays? DateOrOffset(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (_start is { } start && date < start)
            {
                _r.Error(node, $"{what} must not be before the start ({start:yyyy-MM-dd}), found {text}");
                return null;
            }

            return _start is { } s ? new CalendarDays(date.DayNumber - s.DayNumber) : null;
        }

        return OptionalDuration(node, what);
    }

    /// <summary>A calendar duration that may be zero.</summary>
    public CalendarDays? OptionalDuration(YamlNode node, string what)
    {
        var text = _r.Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!Units.TryCalendar(text, null, out var value, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (value.Value < 0)
        {
            _r.Error(node, $"{what} must not be negative, found '{text}'");
            return null;
        }

        return value;
    }

    public ArrivalRate? Rate(YamlNode node, string what)
    {
        if (_r.Scalar(node, what) is not { } text)
        {
            return null;
        }

        if (!Units.TryRate(text, out var rate, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (rate.PerDay < 0)
        {
            _r.Error(node, $"{what} must not be negative, found '{text}'");
            return null;
        }

        return rate;
    }

    /// <summary>A yearly cost in euros, not negative.</summary>
    public double? MoneyPerYear(YamlNode node, string what)
    {
        if (_r.Scalar(node, what) is not { } text)
        {
            return null;
        }

        if (!Units.TryMoneyPerYear(text, out var euros, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (euros < 0)
        {
            _r.Error(node, $"{what} must not be negative, found '{text}'");
            return null;
        }

        if (!(euros <= ScenarioLimits.MaxEurosPerYear))
        {
            _r.Error(node, $"{what} must be at most {ScenarioLimits.MaxEurosPerYear:N0} EUR a year, found '{text}'");
            return null;
        }

        return euros;
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>An amount of working time, constant or a distribution (efforts, absence spells).</summary>
    public Distribution? BindEffort(YamlNode node, string what, double hoursPerDay) =>
        BindDistribution(node, what, (n, w) => WorkValue(n, w, hoursPerDay), "working days");

    /// <summary>A span of calendar time, constant or a distribution (the time to fill a vacant post).</summary>
    public Distribution? BindDuration(YamlNode node, string what) => BindDistribution(node, what, CalendarValue, "days");

    private Distribution? BindDistribution(YamlNode node, string what, Func<YamlNode, string, double?> value, string unit)
    {
        if (node is YamlScalarNode)
        {
            return value(node, what) is { } constant ? new ConstantDistribution(constant) : null;
        }

        var map = _r.Mapping(node, what);
        if (map is null)
        {
            return null;
        }

        var distNode = _r.Require(map, "dist", what);
        var dist = distNode is null ? null : _r.Scalar(distNode, $"the distribution of {what}");
        if (dist is null)
        {
            return null;
        }

        if (!ScenarioKeys.Distributions.TryGetValue(dist, out var keys))
        {
            _r.Error(distNode!, $"unknown distribution '{dist}'{DidYouMean.Hint(dist, ScenarioKeys.Distributions.Keys)} (expected one of: {string.Join(", ", ScenarioKeys.Distributions.Keys)})");
            return null;
        }

        _r.CheckKeys(map, $"a {dist} distribution", keys);
        double? Param(string key)
        {
            var p = _r.Require(map, key, $"a {dist} distribution");
            return p is null ? null : value(p, $"{key} of {what}");
        }

        switch (dist)
        {
            case "constant":
                return Param("value") is { } v ? new ConstantDistribution(v) : null;
            case "exponential":
                if (Param("mean") is not { } mean)
                {
                    return null;
                }

                return mean > 0 ? new ExponentialDistribution(mean) : Invalid(map, $"the mean of {what} must be greater than zero");
            case "lognormal":
                // Every parameter is read before any is given up on, so all their problems are reported.
                var (lmean, lsd) = (Param("mean"), Param("sd"));
                if (lmean is not { } lm || lsd is not { } sd)
                {
                    return null;
                }

                return lm > 0 ? new LognormalDistribution(lm, sd) : Invalid(map, $"the mean of {what} must be greater than zero");
            case "triangular":
                var (tlo, tmode, thi) = (Param("min"), Param("mode"), Param("max"));
                if (tlo is not { } tmin || tmode is not { } mode || thi is not { } tmax)
                {
                    return null;
                }

                return tmin <= mode && mode <= tmax && tmin < tmax
                    ? new TriangularDistribution(tmin, mode, tmax)
                    : Invalid(map, $"{what} needs min <= mode <= max and min < max, found min {Invariant(tmin)}, mode {Invariant(mode)}, max {Invariant(tmax)} {unit}");
            case "uniform":
                var (ulo, uhi) = (Param("min"), Param("max"));
                if (ulo is not { } umin || uhi is not { } umax)
                {
                    return null;
                }

                return umin < umax
                    ? new UniformDistribution(umin, umax)
                    : Invalid(map, $"{what} needs min < max, found min {Invariant(umin)}, max {Invariant(umax)} {unit}");
            default:
                var valuesNode = _r.Require(map, "values", $"an empirical distribution");
                if (valuesNode is null || _r.Sequence(valuesNode, $"the values of {what}") is not { } seq)
                {
                    return null;
                }

                var values = new List<double>();
                foreach (var item in seq.Children)
                {
                    if (value(item, $"a value of {what}") is { } x)
                    {
                        values.Add(x);
                    }
                }

                return values.Count == seq.Children.Count && values.Count > 0
                    ? new EmpiricalDistribution(values)
                    : values.Count == 0 && seq.Children.Count == 0 ? Invalid(valuesNode, $"the values of {what} must list at least one value") : null;
        }
    }

    private Distribution? Invalid(YamlNode node, string message)
    {
        _r.Error(node, message);
        return null;
    }

    private double? CalendarValue(YamlNode node, string what) => OptionalDuration(node, what)?.Value;

    private double? WorkValue(YamlNode node, string what, double hoursPerDay)
    {
        var text = _r.Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (!Units.TryWork(text, hoursPerDay, out var work, out var error))
        {
            _r.Error(node, $"{what}: {error}");
            return null;
        }

        if (work.Value < 0)
        {
            _r.Error(node, $"{what} must not be negative, found '{text}'");
            return null;
        }

        return work.Value;
    }
}
