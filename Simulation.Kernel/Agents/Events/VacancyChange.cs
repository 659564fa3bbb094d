namespace IsdnSim.Kernel.Agents.Events;

/// <summary><paramref name="Post"/> at staffed agency <paramref name="Agency"/> falls vacant (its holder leaves), or is filled again.</summary>
internal readonly record struct VacancyChange(int Agency, int Post);
