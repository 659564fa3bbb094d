namespace IsdnSim.Kernel.Agents.Events;

/// <summary>
/// The staff member in <paramref name="Slot"/> of staffed agency <paramref name="Agency"/> finishes an item, unless
/// the post fell away meanwhile: then its <paramref name="Generation"/> is no longer the post's and the event is stale.
/// </summary>
internal readonly record struct ServiceEnd(int Agency, int Slot, int Generation);
