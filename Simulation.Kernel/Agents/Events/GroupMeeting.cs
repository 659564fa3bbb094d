namespace IsdnSim.Kernel.Agents.Events;

/// <summary>A working group meets and settles <paramref name="Matter"/>, a consultation referred to it.</summary>
internal readonly record struct GroupMeeting(long Matter);
