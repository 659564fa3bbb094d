namespace IsdnSim.Grains.Windows;

/// <summary>Where a replication's windows stand after a slice (<see cref="WindowSlices"/>), with the trace events that became final in it.</summary>
[GenerateSerializer, Immutable, Alias("IsdnSim.CoordinatorProgress")]
public sealed record CoordinatorProgress(
    [property: Id(0)] double Now,
    [property: Id(1)] double Horizon,
    [property: Id(2)] long Events,
    [property: Id(3)] long Windows,
    [property: Id(4)] bool Done,
    [property: Id(5)] IsdnSim.Kernel.Tracing.TraceEvent[] Trace);
