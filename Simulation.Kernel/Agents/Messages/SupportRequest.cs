namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>Please do <paramref name="Effort"/> working days of step <paramref name="Step"/> as a service; <paramref name="Request"/> names the request at the sender.</summary>
public readonly record struct SupportRequest(int Step, long Request, double Effort);
