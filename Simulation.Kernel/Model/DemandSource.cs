using IsdnSim.Kernel.Time;

namespace IsdnSim.Kernel.Model;

/// <summary>Poisson arrivals of one process at one municipality (<see cref="Owner"/>), started by its host agent.</summary>
public readonly record struct DemandSource(int Owner, int Process, ArrivalRate Rate);
