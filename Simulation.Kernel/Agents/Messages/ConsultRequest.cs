namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>Please answer consultation step <paramref name="Step"/> as its consultee number <paramref name="Consultee"/>; <paramref name="Consultation"/> names it at the lead.</summary>
public readonly record struct ConsultRequest(int Step, int Consultee, long Consultation);
