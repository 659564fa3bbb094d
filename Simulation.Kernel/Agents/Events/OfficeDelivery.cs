namespace IsdnSim.Kernel.Agents.Events;

/// <summary>A file sent from one office of an agent to another (<paramref name="Transfer"/>) arrives there.</summary>
internal readonly record struct OfficeDelivery(long Transfer);
