namespace IsdnSim.Analysis.Engine;

/// <summary>How far one replication has got, in simulated days.</summary>
public readonly record struct ReplicationProgress(int Replication, double SimulatedDays, double HorizonDays, long Events);
