using System.Globalization;
using IsdnSim.Analysis.Experiments;
using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Presentation.Reporting;

/// <summary>
/// Numbers as a report shows them: invariant culture and a fixed number of decimals per unit
/// (days with one, shares as percent with one, counts with thousands separators), so the same
/// figures give the same text on every machine. An undefined figure is a dash, never NaN.
/// </summary>
internal static class ReportFormat
{
    public const string Undefined = "–";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Shares are shown as percent; everything else in its own unit.</summary>
    public static bool IsShare(MetricDefinition metric) => metric.Unit == "share";

    /// <summary>The factor from a metric's value to the number shown (100 for shares).</summary>
    public static double Scale(MetricDefinition metric) => IsShare(metric) ? 100 : 1;

    /// <summary>The unit as a reader sees it: "%" for shares.</summary>
    public static string Unit(MetricDefinition metric) => IsShare(metric) ? "%" : metric.Unit;

    public static string LabelWithUnit(MetricDefinition metric) => $"{metric.Label} ({Unit(metric)})";

    /// <summary>Which way is good, in words, so that no reader has to guess whether more of a figure (legal fictions, say) is better or worse.</summary>
    public static string Direction(MetricDefinition metric) => metric.Better == Better.Lower ? "lower is better" : "higher is better";

    public static int Decimals(MetricDefinition metric) => metric.Unit == "per project" ? 2 : IsMoney(metric) ? 0 : 1;

    /// <summary>Euros (a year, per project): whole euros are precise enough.</summary>
    public static bool IsMoney(MetricDefinition metric) => metric.Unit.StartsWith("EUR", StringComparison.Ordinal);

    /// <summary>A number with thousands separators and a typographic minus (−1,234.5).</summary>
    public static string Number(double value, int decimals) => Format(value, decimals, plus: false);

    /// <summary>A number with an explicit sign (+1.5, −1.5, 0.0), for differences.</summary>
    public static string Signed(double value, int decimals) => Format(value, decimals, plus: true);

    public static string Count(double value) => Number(value, 0);

    public static string Percent(double share) => double.IsFinite(share) ? Number(share * 100, 1) + " %" : Undefined;

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    /// <summary>"mean [low, high]" in the metric's unit, the interval within the metric's support; the mean alone without an interval; a dash when undefined.</summary>
    public static string Estimate(MetricDefinition metric, Estimate estimate) =>
        Estimate(estimate, Within(estimate, Support(metric)), Scale(metric), Decimals(metric), IsShare(metric) ? " %" : "", signed: false);

    /// <summary>
    /// The values a headline figure can take: each is a duration, count, rate, distance or cost,
    /// none of them negative, or a share, from 0 to 100 %. Differences have no such bounds.
    /// </summary>
    public static (double Low, double High) Support(MetricDefinition metric) => (0, IsShare(metric) ? 1 : double.PositiveInfinity);

    /// <summary>
    /// The interval cut to the support: a t interval around the mean of a few replications can
    /// reach below zero ("4 [−1, 9]" projects) or above 100 %, values the figure cannot take.
    /// The true mean lies within the support, so the cut interval contains it whenever the
    /// uncut one does: its coverage is the same. The result files keep the uncut t interval.
    /// </summary>
    public static (double? Low, double? High) Within(Estimate estimate, (double Low, double High) support) =>
        (estimate.Low is { } low ? Math.Clamp(low, support.Low, support.High) : null, estimate.High is { } high ? Math.Clamp(high, support.Low, support.High) : null);

    /// <summary>A paired difference: "+1.5 [0.3, 2.7]", in percentage points for shares.</summary>
    public static string Difference(MetricDefinition metric, Estimate difference) =>
        Estimate(difference, (difference.Low, difference.High), Scale(metric), Decimals(metric), IsShare(metric) ? " pp" : "", signed: true);

    /// <summary>A share with its interval within 0 to 100 %, in percent.</summary>
    public static string PercentEstimate(Estimate estimate) => Estimate(estimate, Within(estimate, (0, 1)), 100, 1, " %", signed: false);

    /// <summary>A count (projects, project-days) with its interval cut at zero.</summary>
    public static string CountEstimate(Estimate estimate) => Estimate(estimate, Within(estimate, (0, double.PositiveInfinity)), 1, 0, "", signed: false);

    public static bool IsDefined(Estimate estimate) => estimate.N > 0 && double.IsFinite(estimate.Mean);

    private static string Estimate(Estimate estimate, (double? Low, double? High) interval, double scale, int decimals, string suffix, bool signed)
    {
        if (!IsDefined(estimate))
        {
            return Undefined;
        }

        var mean = Format(estimate.Mean * scale, decimals, plus: signed) + suffix;
        return interval.Low is { } low && interval.High is { } high && double.IsFinite(low) && double.IsFinite(high)
            ? $"{mean} [{Number(low * scale, decimals)}, {Number(high * scale, decimals)}]"
            : mean;
    }

    private static string Format(double value, int decimals, bool plus)
    {
        if (!double.IsFinite(value))
        {
            return Undefined;
        }

        // Rounded first, so that a value that rounds to zero is shown as 0.0, not −0.0.
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("N" + decimals.ToString(Invariant), Invariant);
        return rounded > 0 && plus ? "+" + text : rounded < 0 ? "−" + text : text;
    }
}
