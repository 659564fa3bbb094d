namespace IsdnSim.Analysis.Calibration;

/// <summary>
/// The outcome of rejection ABC over a design: the distance of every point, the accepted points
/// (indices into the design, closest first; equal distances by index), and the largest accepted
/// distance (the tolerance that the acceptance amounted to; NaN when nothing was accepted).
/// </summary>
public sealed record AbcResult(IReadOnlyList<double> Distances, IReadOnlyList<int> Accepted, double Threshold)
{
    /// <summary>
    /// The posterior summary of each parameter from its values at the accepted points.
    /// </summary>
    /// <param name="parameters">The parameter values of every design point, [point][parameter], in the units the summary should have.</param>
    public IReadOnlyList<PosteriorSummary> Summarise(IReadOnlyList<IReadOnlyList<double>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != Distances.Count)
        {
            throw new ArgumentException($"The design has {Distances.Count} points, but parameter values for {parameters.Count} were given.", nameof(parameters));
        }

        var k = parameters.Count == 0 ? 0 : parameters[0].Count;
        return [.. Enumerable.Range(0, k).Select(i => PosteriorSummary.Of(i, Accepted.Select(p => parameters[p][i])))];
    }
}
