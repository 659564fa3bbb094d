using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Presentation.Output.Summary;

/// <summary>
/// One figure of summary.json: the mean over the replications with its 95 % interval. A value
/// that is missing or not finite (one replication, no observations) is written as null, never left out.
/// </summary>
public sealed record SummaryEstimate(double? Mean, double? Ci95Low, double? Ci95High, double? HalfWidth, int N)
{
    public static SummaryEstimate From(Estimate e) => new(Finite(e.Mean), Finite(e.Low), Finite(e.High), Finite(e.HalfWidth), e.N);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
