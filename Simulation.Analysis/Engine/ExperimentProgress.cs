namespace IsdnSim.Analysis.Engine;

/// <summary>Progress over all replications of a run, as a fraction of simulated time.</summary>
public readonly record struct ExperimentProgress(double Fraction, int ReplicationsDone, int Replications, long Events);
