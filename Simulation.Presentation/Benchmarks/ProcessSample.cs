namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// The figures of one process run: for a bench, those of its bench line (median_s, compile_s,
/// events, events_per_s, peak_mib, agents, ...); for a run, the keys below, measured from outside.
/// </summary>
public sealed record ProcessSample(IReadOnlyDictionary<string, double> Figures)
{
    public const string WallSeconds = "wall_s";
    public const string PeakMib = "peak_mib";
    public const string SummaryBytes = "summary_bytes";

    public double this[string key] => Figures.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"the process run reported no '{key}' (it reported {string.Join(", ", Figures.Keys)})");
}
