using IsdnSim.Analysis.Statistics;

namespace IsdnSim.Analysis.Validation;

/// <summary>Every observation of a file against the model, over all replications of a run.</summary>
public sealed record ObservedCheck(IReadOnlyList<ObservedComparison> Rows)
{
    public int Faster => Rows.Count(r => r.Pace == ModelPace.Faster);

    public int Slower => Rows.Count(r => r.Pace == ModelPace.Slower);

    public int Consistent => Rows.Count(r => r.Pace == ModelPace.Consistent);

    public int WithoutValue => Rows.Count(r => r.Pace == ModelPace.None);

    /// <summary>
    /// The comparison of every target over <paramref name="replications"/> (each computed by
    /// <see cref="ObservedFigures.Compute"/> with the same targets): per target the mean of the
    /// replications' values where defined, with a 95 % Student-t interval, and the counts summed.
    /// </summary>
    public static ObservedCheck Compute(IReadOnlyList<ObservedTarget> targets, IReadOnlyList<ObservedFigures> replications)
    {
        var rows = new List<ObservedComparison>(targets.Count);
        for (var t = 0; t < targets.Count; t++)
        {
            var values = replications.Select(r => r.Values[t]).ToList();
            rows.Add(new ObservedComparison(
                targets[t],
                Estimate.Of([.. values.Select(v => v.Value).Where(double.IsFinite)]),
                replications.Count,
                values.Sum(v => v.Counted),
                values.Sum(v => v.Arrived),
                values.Sum(v => v.ArrivedAndFinished)));
        }

        return new ObservedCheck(rows);
    }
}
