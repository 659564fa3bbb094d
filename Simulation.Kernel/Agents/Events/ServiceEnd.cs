namespace IsdnSim.Kernel.Agents.Events;

/// <summary>The staff member in <paramref name="Slot"/> of staffed agency <paramref name="Agency"/> finishes an item.</summary>
internal readonly record struct ServiceEnd(int Agency, int Slot);
