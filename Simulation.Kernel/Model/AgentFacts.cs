namespace IsdnSim.Kernel.Model;

/// <summary>
/// What an agent's calls read about another agent, the same values as its <see cref="AgentModel"/>'s
/// fields of these names: the hash its random streams are keyed by, its level, its Amt and its
/// seat. <see cref="SimulationModel.Facts"/> holds them for every agent in one array.
/// </summary>
/// <remarks>
/// A project's owner, its territory or a message's receiver is one of thousands of agents, whose
/// model object is seldom in cache when a call needs one of its fields; 24 bytes an agent in one
/// array stay near (Germany: 315 KB), where 13,000 model objects of 128 bytes each did not
/// (BENCHMARKS.md, twentieth round).
/// </remarks>
internal readonly record struct AgentFacts(ulong IdHash, int Level, int Amt, int Seat);
