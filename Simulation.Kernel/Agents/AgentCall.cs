namespace IsdnSim.Kernel.Agents;

/// <summary>
/// One agent's part of a window: take <see cref="Inbox"/>, then process everything before
/// <see cref="Until"/>, or stop after <see cref="MaxEvents"/> events.
/// </summary>
public sealed record AgentCall(int Agent, double Until, Message[] Inbox, long MaxEvents);
