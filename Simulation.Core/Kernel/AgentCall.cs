namespace IsdnSim.Core.Kernel;

/// <summary>One agent's part of a window: process everything before <see cref="Until"/>, after taking <see cref="Inbox"/>.</summary>
public sealed record AgentCall(int Agent, double Until, Message[] Inbox);
