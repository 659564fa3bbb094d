namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The legal deadline of <paramref name="Consultation"/> passes: silence counts as approval.</summary>
internal readonly record struct ConsultationDeadline(long Consultation);
