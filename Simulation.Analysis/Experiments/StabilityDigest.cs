namespace IsdnSim.Analysis.Experiments;

/// <summary>
/// Whether one replication reached a steady state: the agencies (indices into
/// <see cref="ReplicationDigest.Agencies"/>) that were saturated or whose work in progress grew
/// (<see cref="Metrics.AgencyStability"/>), and per process (in the scenario's order) the
/// projects that arrived after the warm-up and how many of them finished by the horizon.
/// <paramref name="PresentUtilisation"/> is each agency's utilisation of the staff present, the
/// figure saturation is judged on (NaN for a council); null in files written before it was kept.
/// </summary>
public sealed record StabilityDigest(int[] UnstableAgencies, long[] Arrived, long[] ArrivedAndFinished, double[]? PresentUtilisation = null);
