namespace IsdnSim.Core.Model;

/// <summary>An agency with <see cref="Staff"/> servers (c in queueing terms) and a FIFO queue.</summary>
public sealed record AgencyModel(int Index, string Id, string Name, int Staff, double Productivity, IReadOnlyList<string> Roles);
