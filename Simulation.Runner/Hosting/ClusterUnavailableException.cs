namespace IsdnSim.Runner.Hosting;

/// <summary>No silo of the cluster could be reached in time; the message says what was tried and what to do.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
