namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The holder of <paramref name="Post"/> at staffed agency <paramref name="Agency"/> falls ill or goes on leave, or comes back.</summary>
internal readonly record struct AbsenceChange(int Agency, int Post);
