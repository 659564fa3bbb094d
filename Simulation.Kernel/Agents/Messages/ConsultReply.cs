namespace IsdnSim.Kernel.Agents.Messages;

/// <summary>Consultee number <paramref name="Consultee"/> has answered consultation <paramref name="Consultation"/> (step <paramref name="Step"/>).</summary>
public readonly record struct ConsultReply(int Step, int Consultee, long Consultation);
