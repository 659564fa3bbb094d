namespace IsdnSim.Presentation.Benchmarks;

/// <summary>
/// One point of the scaling series: a generated region at <paramref name="Factor"/> times the
/// agents of the smallest, simulated for <paramref name="Years"/>, in-process; with <c>--against</c>,
/// the base build's time paired with it.
/// </summary>
public sealed record ScalingPoint(string Id, string Series, int Factor, int Years, double Agents, double Events, Spread Seconds, Pairing? Against = null)
{
    public double EventsPerSecond => Events / Seconds.Median;
}
