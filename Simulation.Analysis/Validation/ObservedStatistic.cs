using System.Globalization;
using IsdnSim.Analysis.Statistics;
using IsdnSim.Scenario.Diagnostics;
using IsdnSim.Scenario.Language;

namespace IsdnSim.Analysis.Validation;

/// <summary>What an observed figure measures of a process's projects.</summary>
public enum StatisticKind
{
    /// <summary>The mean lead time, in calendar days.</summary>
    Mean,

    /// <summary>A quantile of the lead time (median, p10, p25, p75, p90), in calendar days.</summary>
    Quantile,

    /// <summary>The share of the projects whose lead time is at most a duration (the empirical distribution function there).</summary>
    ShareWithin,

    /// <summary>The share of the projects a law obliges the region to start that are finished by the end of a date.</summary>
    ShareFinishedBy,
}

/// <summary>
/// A statistic as written in the <c>statistic</c> column of an observed-data file: <c>mean</c>,
/// <c>median</c>, <c>p10</c>, <c>p25</c>, <c>p75</c>, <c>p90</c> (of the lead time, calendar days),
/// <c>share_within:&lt;duration&gt;</c> or <c>share_finished_by:YYYY-MM-DD</c> (shares).
/// </summary>
public sealed record ObservedStatistic(StatisticKind Kind, string Text)
{
    /// <summary>The statistics without a parameter and the quantile each stands for (NaN for the mean).</summary>
    private static readonly (string Name, double P)[] Plain =
        [("mean", double.NaN), ("median", 0.5), ("p10", 0.1), ("p25", 0.25), ("p75", 0.75), ("p90", 0.9)];

    public const string ShareWithinPrefix = "share_within:";

    public const string ShareFinishedByPrefix = "share_finished_by:";

    /// <summary>What the column accepts, for messages.</summary>
    public const string Expected = "mean, median, p10, p25, p75, p90, share_within:<duration> (e.g. share_within:3mo) or share_finished_by:<YYYY-MM-DD>";

    /// <summary>For <see cref="StatisticKind.Quantile"/>: the probability (0.5 for the median).</summary>
    public double P { get; init; } = double.NaN;

    /// <summary>For <see cref="StatisticKind.ShareWithin"/>: the duration in calendar days (months and years of mean Gregorian length).</summary>
    public double WithinDays { get; init; } = double.NaN;

    /// <summary>For <see cref="StatisticKind.ShareFinishedBy"/>: the date by whose end the projects count as finished.</summary>
    public DateOnly By { get; init; }

    /// <summary>A share (unit <c>share</c>) rather than a duration (unit <c>days</c>).</summary>
    public bool IsShare => Kind is StatisticKind.ShareWithin or StatisticKind.ShareFinishedBy;

    /// <summary>The unit an observed value of this statistic must carry.</summary>
    public string Unit => IsShare ? "share" : "days";

    /// <summary>
    /// Whether a model whose value is higher than the observed one is the faster: true for shares
    /// (more finished), false for lead times (longer).
    /// </summary>
    public bool HigherIsFaster => IsShare;

    /// <summary>The statistic <paramref name="text"/> names, or null with what is wrong in <paramref name="error"/>.</summary>
    public static ObservedStatistic? Parse(string text, out string error)
    {
        error = "";
        foreach (var (name, p) in Plain)
        {
            if (text == name)
            {
                return double.IsNaN(p) ? new ObservedStatistic(StatisticKind.Mean, text) : new ObservedStatistic(StatisticKind.Quantile, text) { P = p };
            }
        }

        if (text.StartsWith(ShareWithinPrefix, StringComparison.Ordinal))
        {
            var duration = text[ShareWithinPrefix.Length..];
            if (!Units.TryCalendar(duration, null, out var days, out var unitError))
            {
                error = $"{ShareWithinPrefix} {unitError}";
                return null;
            }

            if (!(days.Value > 0))
            {
                error = $"{ShareWithinPrefix} the duration must be longer than zero, found '{duration}'";
                return null;
            }

            return new ObservedStatistic(StatisticKind.ShareWithin, text) { WithinDays = days.Value };
        }

        if (text.StartsWith(ShareFinishedByPrefix, StringComparison.Ordinal))
        {
            var date = text[ShareFinishedByPrefix.Length..];
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var by))
            {
                error = $"{ShareFinishedByPrefix} expected a date YYYY-MM-DD, found '{date}'";
                return null;
            }

            return new ObservedStatistic(StatisticKind.ShareFinishedBy, text) { By = by };
        }

        if (text.Length > 1 && text[0] == 'p' && text[1..].All(char.IsAsciiDigit))
        {
            error = $"unknown statistic '{text}': the quantiles are p10, p25, median, p75 and p90; expected {Expected}";
            return null;
        }

        var head = text.Split(':')[0];
        error = $"unknown statistic '{text}'{DidYouMean.Hint(head, [.. Plain.Select(s => s.Name), "share_within", "share_finished_by"])}; expected {Expected}";
        return null;
    }

    /// <summary>
    /// The statistic of lead times given in ascending order: their mean; a quantile by linear
    /// interpolation between order statistics (Hyndman and Fan type 7, as R and NumPy by default:
    /// with n values, the p-quantile is x[h] interpolated at h = (n - 1) p, counting from 0); or the
    /// share at most <see cref="WithinDays"/>. NaN without lead times. Not for
    /// <see cref="StatisticKind.ShareFinishedBy"/>, which counts projects, not lead times.
    /// </summary>
    public double OfLeadTimes(SortedSample leadTimes)
    {
        if (leadTimes.Count == 0)
        {
            return double.NaN;
        }

        return Kind switch
        {
            StatisticKind.Mean => leadTimes.Summarise().Mean,
            StatisticKind.Quantile => leadTimes.Summarise(P).Quantiles[0],
            StatisticKind.ShareWithin => (double)leadTimes.CountAtMost(WithinDays) / leadTimes.Count,
            _ => throw new InvalidOperationException($"{Text} is not a statistic of lead times"),
        };
    }

    public override string ToString() => Text;
}
