using IsdnSim.Core.Time;

namespace IsdnSim.Core.Model;

/// <summary>Poisson arrivals of one process at one municipality.</summary>
public readonly record struct DemandSource(int Process, ArrivalRate Rate);
