namespace IsdnSim.Kernel.Model;

/// <summary>A project a shock obliges one municipality to start, at a time, with a deadline (days from the start).</summary>
public readonly record struct MandateModel(int Owner, int Shock, int Group, int Process, double Time, double Deadline);
